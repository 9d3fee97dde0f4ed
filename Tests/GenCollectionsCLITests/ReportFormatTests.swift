import Foundation
import GenCollectionsTestSupport
import Testing

/// `--format json|junit|sarif|github` on generate, check, sync and certs: one report on standard output, in the
/// lint reporters' formats, whatever the command found; the command's own lines go to standard error.
@Suite(.enabled(if: PackagePaths.binaryIsBuilt, "needs the built binary")) struct ReportFormatTests {
    struct Scratch {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-format-\(UUID().uuidString)")

        init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

        func run(_ arguments: [String]) -> Shell.Result {
            Shell.run(PackagePaths.binary.path, arguments, directory: folder)
        }

        func write(_ text: String, to name: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func aSpecErrorIsASARIFResultAtItsLineAndColumn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.write(
            "gen-collections: 1\nname: x\nflows: [{name: F, steps: [{name: S, url: \"{{nope}}/a\"}]}]\n",
            to: "bad.yaml")
        let run = scratch.run(["generate", "--spec", "bad.yaml", "--format", "sarif"])
        #expect(run.status == 1)
        #expect(!run.error.contains("spec-undefined-variable"), "the diagnostic is in the report, not on stderr")
        let runs = try #require(try Self.json(run.output)["runs"] as? [[String: Any]])
        let result = try #require((runs.first?["results"] as? [[String: Any]])?.first)
        #expect(result["ruleId"] as? String == "spec-undefined-variable")
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        let region = location?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 3)
        #expect(region?["startColumn"] as? Int == 42)
    }

    @Test func aCleanGenerateIsAnEmptyReportAndSaysWhatItWroteOnStandardError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = scratch.run(["generate", "--out", "out", "--format", "json"])
        #expect(run.status == 0, "\(run.error)")
        #expect(try Self.json(run.output)["diagnostics"] as? [Any] != nil)
        #expect(run.error.contains("wrote out/monese-sandbox.postman_collection.json"))
    }

    @Test func driftIsAGitHubAnnotationPerFinding() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(scratch.run(["generate", "--out", "out"]).status == 0)
        try scratch.write("[]\n", to: "out/ssl-client-cert-list.json")
        let github = scratch.run(["check", "--out", "out", "--format", "github"])
        #expect(github.status == 1)
        #expect(
            github.output.hasPrefix("::error file=out/ssl-client-cert-list.json,title=drift-changed::"),
            "\(github.output)")
        // json stays check's own document of the drift.
        let json = scratch.run(["check", "--out", "out", "--format", "json"])
        #expect(json.status == 1)
        #expect(try Self.json(json.output)["files"] != nil)
        let junit = scratch.run(["sync", "--out", "out", "--format", "junit", "--dry-run"])
        #expect(junit.status == 0)
        #expect(junit.output.hasPrefix("<?xml"))
        #expect(junit.error.contains("would write out/ssl-client-cert-list.json"))
    }

    @Test func certificateProblemsAreJUnitFailures() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(scratch.run(["generate", "--out", "out"]).status == 0)
        let run = scratch.run(["certs", "--dir", "out", "--format", "junit"])
        #expect(run.status == 1)
        #expect(
            run.output.contains(#"<testsuites name="gen-collections certs" tests="3" failures="3">"#), "\(run.output)")
        #expect(run.output.contains("certs-file-missing"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let run = scratch.run(["check", "--format", "xml"])
        #expect(run.status == 64)
        #expect(run.error.contains("unknown format 'xml'; use text, json, junit, sarif or github"))
    }
}
