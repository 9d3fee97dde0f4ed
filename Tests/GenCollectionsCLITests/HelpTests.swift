import Foundation
import GenCollectionsTestSupport
import Testing

/// Every command's help, pinned: one golden per command in Fixtures/help/ (`GEN_COLLECTIONS_RECORD=1` re-records).
/// COLUMNS=80 fixes ArgumentParser's wrap, whatever terminal runs the tests.
@Suite struct HelpTests {
    static let commands = [
        "generate", "init", "banks", "check", "sync", "lint", "rules", "certs", "register", "fetch-env", "mock",
        "import", "import openapi", "import postman", "convert",
    ]
    static let fixtures = PackagePaths.root.appendingPathComponent("Tests/GenCollectionsCLITests/Fixtures/help")

    /// `import openapi` is two words on the command line.
    static func words(_ command: String?) -> [String] {
        command.map { $0.split(separator: " ").map(String.init) } ?? []
    }

    static func run(_ arguments: [String]) -> Shell.Result {
        Shell.run(PackagePaths.binary.path, arguments, environment: ["COLUMNS": "80"])
    }

    @Test(arguments: [nil] + commands)
    func helpMatchesItsGolden(_ command: String?) throws {
        let help = Self.run(Self.words(command) + ["--help"])
        #expect(help.status == 0, "\(help.error)")
        let name = command?.replacingOccurrences(of: " ", with: "-") ?? "gen-collections"
        Golden.assertMatches(help.output, golden: Self.fixtures.appendingPathComponent("\(name).txt"))
    }

    @Test(arguments: [nil] + commands)
    func helpHasExamplesAndExitCodes(_ command: String?) {
        let help = Self.run(Self.words(command) + ["--help"]).output
        #expect(help.contains("Examples:\n  # "), "\(command ?? "root") has no example")
        #expect(help.contains("Exit codes:\n  0   "), "\(command ?? "root") lists no exit code")
        #expect(help.contains("\n  64  usage error"), "\(command ?? "root") does not list 64")
        // ArgumentParser wraps a discussion line of 80 columns or more with no indent: HelpText stays under.
        let long = help.components(separatedBy: "\nUSAGE: ")[0].split(separator: "\n").filter { $0.count >= 80 }
        #expect(long.isEmpty, "\(long)")
    }

    /// The README's exit-code table has the codes of the one table the help is written from (ExitStatus).
    @Test func theReadmeListsTheSameExitCodes() throws {
        let readme = try String(contentsOf: PackagePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n## Exit codes\n").dropFirst().first)
        let rows = section.components(separatedBy: "\n## ")[0].split(separator: "\n").filter { $0.hasPrefix("| ") }
        let readmeCodes = rows.compactMap {
            Int($0.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? "")
        }
        let help = Self.run(["--help"]).output.components(separatedBy: "Exit codes:\n")[1].components(
            separatedBy: "\n\n")[0]
        let helpCodes = help.split(separator: "\n").compactMap { Int($0.split(separator: " ").first ?? "") }
        #expect(readmeCodes == helpCodes)
        #expect(helpCodes == [0, 1, 64, 66, 69, 73])
    }

    @Test func registerTitlesItsMutualTLSGroup() {
        let help = Self.run(["register", "--help"]).output
        #expect(help.contains("MUTUAL TLS OPTIONS:\n"))
        #expect(!help.contains("(WITH --SEND)"))
    }

    @Test func aMistypedCommandGetsADidYouMean() {
        let run = Self.run(["chek"])
        #expect(run.status == 64)
        #expect(run.error.hasPrefix("error: unknown command 'chek'; did you mean 'check'?\n"), "\(run.error)")
        #expect(run.output.isEmpty)
        #expect(!run.error.contains("Unexpected argument"))
    }

    @Test func anUnknownWordListsTheCommands() {
        let run = Self.run(["frobnicate", "--out", "x"])
        #expect(run.status == 64)
        #expect(run.error.contains("error: unknown command 'frobnicate'; the commands are generate, init, banks"))
    }

    @Test func aSpecFileAsTheFirstArgumentPointsAtSpec() {
        let run = Self.run(["bank.yaml"])
        #expect(run.status == 64)
        #expect(run.error.contains("gen-collections generate --spec FILE"), "\(run.error)")
    }

    @Test func optionsAndHelpStillReachTheirCommands() throws {
        #expect(Self.run(["help", "lint"]).output.contains("USAGE: gen-collections lint"))
        #expect(Self.run(["--version"]).status == 0)
        // An option first is the default generate's: --dry-run writes nothing.
        let dryRun = Self.run(["--dry-run", "--out", "nowhere"])
        #expect(dryRun.status == 0, "\(dryRun.error)")
        #expect(dryRun.output.contains("would write nowhere/run-newman.sh"))
    }
}
