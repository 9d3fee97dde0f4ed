import Foundation
import GenCollectionsTestSupport
import Testing

/// Spec values written to break out of every context they land in: quotes, backticks, `$(touch PWNED-…)`,
/// newlines, `</script>`, `<!--`, `|`, U+2028 and U+2029 (`Fixtures/hostile-values/spec.yaml`). The bundle is
/// generated, the runner lists, dry-runs and runs it (with a stand-in newman), and no value may run as code or
/// change the structure of a file: no `PWNED-*` file ever appears, the scripts parse, the Markdown keeps its lines
/// and table cells.
@Suite struct HostileValuesTests {
    static let spec = PackagePaths.root.appendingPathComponent(
        "Tests/GenCollectionsCLITests/Fixtures/hostile-values/spec.yaml")

    struct Bench {
        let folder: URL
        var out: URL { folder.appendingPathComponent("out") }

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let generate = Shell.run(
                PackagePaths.binary.path, ["generate", "--spec", HostileValuesTests.spec.path, "--out", out.path])
            guard generate.status == 0 else { throw Failure(message: generate.error) }
        }

        /// Files named `PWNED-*` anywhere under the folder: the proof that a value ran as a command.
        func pwned() -> [String] {
            (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { $0.contains("PWNED") }
                .filter { !$0.hasPrefix("out/certs/") }  // the stand-in certificate files are named by the spec
        }

        func file(_ name: String) throws -> String {
            try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    struct Failure: Error { var message: String }

    @Test(.enabled(if: PackagePaths.binaryIsBuilt && Shell.has("node"), "needs the built binary and node"))
    func theRunnerRunsNothingFromTheSpec() throws {
        let bench = try Bench()
        defer { bench.remove() }
        // The certificate and CA files the spec names, so the runner gets past its file checks.
        let plan = try JSONSerialization.jsonObject(with: Data(try bench.file("run-newman.plan.json").utf8))
        let caBundle = try #require((plan as? [String: Any])?["caBundle"] as? String)
        let certs = bench.out.appendingPathComponent("certs")
        try FileManager.default.createDirectory(at: certs, withIntermediateDirectories: true)
        try Data("stand-in\n".utf8).write(to: bench.out.appendingPathComponent(caBundle))
        let bin = bench.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let newman = bin.appendingPathComponent("newman")
        // Exports the consent URL the consent step would have saved.
        let fake = """
            #!/bin/bash
            while (($#)); do
                [[ $1 != --export-environment ]] || printf '{"values":[{"key":"consentUrl","value":"https://a/b"}]}' >"$2"
                shift
            done
            """
        try Data(fake.utf8).write(to: newman)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: newman.path)
        let runner = bench.out.appendingPathComponent("run-newman.sh").path
        let environment = ["PATH": "\(bin.path):/usr/bin:/bin", "HOME": bench.folder.path]
        for arguments in [["--list"], ["--dry-run"], ["--code", "abc"], ["--folder", "no $(touch PWNED-folder)"]] {
            let run = Shell.run(runner, arguments, environment: environment, inheritEnvironment: false)
            #expect(run.status == (arguments[0] == "--folder" ? 64 : 0), "\(arguments): \(run.output)\(run.error)")
        }
        #expect(bench.pwned().isEmpty, "\(bench.pwned())")
        let list = Shell.run(runner, ["--list"], environment: environment, inheritEnvironment: false).output
        #expect(list.split(separator: "\n").count == 2, "a newline in a name is shown, not obeyed:\n\(list)")
    }

    @Test(.enabled(if: PackagePaths.binaryIsBuilt && Shell.has("node"), "needs the built binary and node"))
    func everyScriptOfTheCollectionParses() throws {
        let bench = try Bench()
        defer { bench.remove() }
        let collection = try #require(
            try JSONSerialization.jsonObject(with: Data(try bench.file("hostile.postman_collection.json").utf8))
                as? [String: Any])
        var scripts: [String] = []
        func collect(_ node: [String: Any]) {
            for event in node["event"] as? [[String: Any]] ?? [] {
                scripts.append(
                    ((event["script"] as? [String: Any])?["exec"] as? [String] ?? []).joined(separator: "\n"))
            }
            for item in node["item"] as? [[String: Any]] ?? [] { collect(item) }
        }
        collect(collection)
        #expect(scripts.count >= 4)
        for (index, script) in scripts.enumerated() {
            let file = bench.folder.appendingPathComponent("script-\(index).js")
            try Data(script.utf8).write(to: file)
            let check = Shell.run("/usr/bin/env", ["node", "--check", file.path])
            #expect(check.status == 0, "script \(index):\n\(check.error)")
        }
        #expect(bench.pwned().isEmpty)
    }

    @Test(.enabled(if: PackagePaths.binaryIsBuilt, "needs the built binary"))
    func theMarkdownKeepsItsLinesAndCells() throws {
        let bench = try Bench()
        defer { bench.remove() }
        let notes = try bench.file("CERTIFICATES.md")
        let lines = notes.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasPrefix("# Client certificates for T"))
        #expect(lines[0].hasSuffix("end"), "the title stays on its heading line")
        #expect(!notes.contains("<script") && !notes.contains("</script") && !notes.contains("<!--"))
        #expect(!notes.contains("\u{2028}") && !notes.contains("\u{2029}"))
        // Every table row keeps its 8 cell borders: pipes from the spec are escaped as \|.
        for row in lines where row.hasPrefix("| ") {
            let borders = row.indices.filter { row[$0] == "|" && (row[..<$0].last != "\\") }
            #expect(borders.count == 8, "\(row)")
        }
    }

    @Test(.enabled(if: PackagePaths.binaryIsBuilt, "needs the built binary"))
    func thePlanHoldsTheNamesExactly() throws {
        let bench = try Bench()
        defer { bench.remove() }
        let plan = try #require(
            try JSONSerialization.jsonObject(with: Data(try bench.file("run-newman.plan.json").utf8))
                as? [String: Any])
        let names = (plan["requests"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(names.first == "S'\"`$(touch PWNED-step)\n</script>\u{2028}x")
        #expect((plan["title"] as? String)?.contains("\n# heading</script>") == true)
    }
}
