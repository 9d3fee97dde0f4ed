import Foundation
import GenCollectionsTestSupport
import Testing

/// Runs the built `gen-collections` binary as a user would: exit codes, messages, files written.
/// The README's test command builds it first (`swift build && swift test`).
@Suite(.serialized) struct EndToEndTests {
    static let root = PackagePaths.root
    static let binary = PackagePaths.binary

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in `directory` (a fresh temporary folder by default).
    static func run(_ arguments: [String], in directory: URL) throws -> Run {
        let run = Shell.run(binary.path, arguments, directory: directory)
        return Run(status: run.status, stdout: run.output, stderr: run.error)
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gen-collections-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func binaryIsBuilt() {
        #expect(
            FileManager.default.isExecutableFile(atPath: Self.binary.path),
            "build first: swift build && swift test (missing \(Self.binary.path))")
    }

    @Test func noArgumentsWritesTheDefaultBundleAsCommitted() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run([], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        for file in ["monese-sandbox.postman_collection.json", "monese-sandbox.postman_environment.json"] {
            let written = try Data(contentsOf: folder.appendingPathComponent("output/\(file)"))
            let committed = try Data(contentsOf: Self.root.appendingPathComponent("output/\(file)"))
            #expect(written == committed, "\(file) differs from output/\(file)")
            #expect(run.stdout.contains("wrote output/\(file)"))
        }
        let next = run.stdout.split(separator: "\n").last ?? ""
        #expect(
            next == "next: import the collection and environment from output/ into Postman (certificates: "
                + "output/CERTIFICATES.md), or run: gen-collections certs --dir output && output/run-newman.sh")
    }

    @Test func theNextStepNamesTheBankAndQuotesTheFolder() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["generate", "--bank", "ozone-model-bank", "--out", "my bundle"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.hasSuffix(
                "run: gen-collections certs --bank ozone-model-bank --dir 'my bundle' && 'my bundle/run-newman.sh'\n"),
            "\(run.stdout)")
    }

    @Test func initThenGenerateRoundTrips() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["init", "bank.yaml"], in: folder).status == 0)
        let again = try Self.run(["init", "bank.yaml"], in: folder)
        #expect(again.status == 73, "exists: cannot be written without --force")
        #expect(again.stderr.contains("bank.yaml: error: the file exists; pass --force to replace it"))
        let run = try Self.run(["generate", "--spec", "bank.yaml", "--out", "bundle"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            FileManager.default.fileExists(
                atPath: folder.appendingPathComponent("bundle/monese-sandbox.postman_collection.json").path))
    }

    @Test func brokenSpecNamesFileLineColumnAndWritesNothing() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = """
            gen-collections: 1
            name: broken
            flows:
              - name: One
                stpes: []
            """
        try spec.write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let run = try Self.run(["generate", "--spec", "broken.yaml"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stderr.contains("broken.yaml:5:5: error: unknown key 'stpes' in a flow [spec-unknown-key]"),
            "\(run.stderr)")
        #expect(run.stderr.contains("did you mean 'steps'?"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("output").path))
    }

    @Test func missingSpecExits66() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["generate", "--spec", "nope.yaml"], in: folder)
        #expect(run.status == 66)
        #expect(
            run.stderr == "nope.yaml: error: cannot read the spec: no such file or folder (ENOENT) [input-unreadable]\n"
        )
    }

    @Test func malformedHelperEnvironmentIsAClearError() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{\n  \"values\": [\n    {\"key\": \"rs\", \"value\": x}\n  ]\n}\n".write(
            to: folder.appendingPathComponent("helper.json"), atomically: true, encoding: .utf8)
        let run = try Self.run(["generate", "--env", "helper.json"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("helper.json:3:"), "\(run.stderr)")
        #expect(run.stderr.contains("[env-json-syntax]"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["generate", "--nope"], in: folder).status == 64)
    }

    @Test func bankPicksABundledSpec() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["generate", "--bank", "ozone-model-bank", "--out", "bundle"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let file = "ozone-model-bank.postman_collection.json"
        let written = try Data(contentsOf: folder.appendingPathComponent("bundle/\(file)"))
        #expect(
            written == (try Data(contentsOf: Self.root.appendingPathComponent("examples/ozone-model-bank/\(file)"))))
    }

    @Test func specAndBankTogetherIsAUsageError() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [["generate"], ["check"], ["sync"], ["certs"], ["fetch-env", "--cert", "c", "--key", "k"]] {
            let run = try Self.run(command + ["--spec", "bank.yaml", "--bank", "monese-sandbox"], in: folder)
            #expect(run.status == 64, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("give --spec FILE or --bank NAME, not both"), "\(command): \(run.stderr)")
        }
    }

    @Test func unknownBankNamesTheBundledOnes() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in [
            ["generate"], ["init"], ["register", "--software-statement", "s", "--signing-key", "k", "--kid", "x"],
        ] {
            let run = try Self.run(command + ["--bank", "ozone"], in: folder)
            #expect(run.status == 64, "\(command): \(run.stderr)")
            #expect(
                run.stderr.contains(
                    "no bundled bank is named 'ozone'; did you mean 'ozone-model-bank'? the bundled banks are "
                        + "monese-sandbox, ozone-model-bank"), "\(command): \(run.stderr)")
        }
    }

    @Test func banksListsTheBundledBanks() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["banks"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("monese-sandbox (default): Monese Open Banking Sandbox\n"), "\(run.stdout)")
        #expect(run.stdout.contains("ozone-model-bank: OBL Ozone Model Bank"))
        #expect(run.stdout.contains("not supported: Account information / Get account transactions"))
        let json = try Self.run(["banks", "--format", "json"], in: folder)
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 2)
    }

    @Test func initWritesTheChosenBanksSpec() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["init", "--bank", "ozone-model-bank"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote ozone-model-bank.yaml"))
        let written = try String(contentsOf: folder.appendingPathComponent("ozone-model-bank.yaml"), encoding: .utf8)
        #expect(
            written
                == (try String(
                    contentsOf: Self.root.appendingPathComponent("specs/ozone-model-bank.yaml"), encoding: .utf8)))
    }

    @Test func everyCommandThatTakesASpecTakesABank() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["generate", "check", "sync", "init", "certs", "register", "fetch-env"] {
            let help = try Self.run([command, "--help"], in: folder)
            #expect(help.stdout.contains("--bank <name>"), "\(command) --help:\n\(help.stdout)")
        }
    }

    @Test func unwritableOutputExits73() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "not a folder".write(to: folder.appendingPathComponent("taken"), atomically: true, encoding: .utf8)
        let run = try Self.run(["generate", "--out", "taken/output"], in: folder)
        #expect(run.status == 73, "\(run.stderr)")
        #expect(run.stderr.contains("[output-unwritable]"))
    }
}
