import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

@Suite struct RunnerScriptTests {
    static func script(_ specName: String) throws -> Artifact {
        try RunnerScript.artifact(
            for: try RunnerTestSupport.spec(specName),
            collectionFile: "\(specName).postman_collection.json",
            environmentFile: "\(specName).postman_environment.json", includeUnsupported: false)
    }

    /// The script's bytes are pinned by the bundle goldens (`output/`, `Fixtures/Generate/local-bank/expected/`).
    @Test(arguments: ["monese-sandbox", "local-bank"])
    func scriptIsAnExecutableArtifact(specName: String) throws {
        let artifact = try Self.script(specName)
        #expect(artifact.path == "run-newman.sh")
        #expect(artifact.executable)
    }

    @Test(
        .enabled(if: Shell.which("shellcheck") != nil, "shellcheck is not on PATH"),
        arguments: ["monese-sandbox", "local-bank"])
    func scriptIsCleanUnderShellcheck(specName: String) throws {
        let shellcheck = try #require(Shell.which("shellcheck"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-shellcheck-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try ArtifactWriter.write([try Self.script(specName)], to: folder)[0]
        let result = try ScriptRun.execute(shellcheck, ["--shell=bash", "--severity=style", file.path], in: folder)
        #expect(result.status == 0, "shellcheck:\n\(result.stdout)\(result.stderr)")
    }

    @Test func unsupportedStepsAreLeftOutUnlessAsked() throws {
        let spec = try RunnerTestSupport.spec("local-bank")
        let without = try RunnerScript.artifact(for: spec, collectionFile: "c.json", environmentFile: "e.json")
        let with = try RunnerScript.artifact(
            for: spec, collectionFile: "c.json", environmentFile: "e.json",
            includeUnsupported: true)
        #expect(!String(decoding: without.contents, as: UTF8.self).contains("'Get beta'"))
        #expect(String(decoding: with.contents, as: UTF8.self).contains("'Get beta'"))
    }

    @Test func namesWithQuotesStayOneWord() {
        #expect(RunnerScript.shellQuoted("it's") == "'it'\\''s'")
    }
}
