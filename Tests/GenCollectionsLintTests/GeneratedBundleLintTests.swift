import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsLint

/// What the generator writes lints clean at error level: every bundled bank's bundle (with and without unsupported
/// steps) and every generate fixture, each collection linted with its own environment as `--env`.
@Suite struct GeneratedBundleLintTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../GenCollectionsCoreTests/Fixtures/Generate").standardizedFileURL

    static func bundles() throws -> [(name: String, artifacts: [Artifact])] {
        var bundles: [(name: String, artifacts: [Artifact])] = []
        for bank in BundledBank.all {
            let spec = try bank.load()
            bundles.append((bank.name, try Generator.artifacts(for: spec)))
            bundles.append(
                (
                    "\(bank.name)+unsupported",
                    try Generator.artifacts(for: spec, options: .init(includeUnsupported: true))
                ))
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        where !name.hasPrefix(".") {
            let text = try String(contentsOf: fixtures.appendingPathComponent("\(name)/spec.yaml"), encoding: .utf8)
            bundles.append((name, try Generator.artifacts(for: try SpecLoader.load(text, file: "spec.yaml").spec)))
        }
        return bundles
    }

    @Test func generatedFilesHaveNoLintErrors() throws {
        var linted = 0
        for (name, artifacts) in try Self.bundles() {
            let environments = artifacts.filter { $0.path.hasSuffix(".postman_environment.json") }
            let context = try Linter.context(environments: environments.map { ($0.path, [UInt8]($0.contents)) })
            let linter = Linter(context: context)
            // The runner's plan is not a Postman file.
            for artifact in artifacts
            where artifact.path.hasSuffix(".json") && artifact.path != RunnerScript.planFileName {
                let errors = linter.lint(file: "\(name)/\(artifact.path)", contents: artifact.contents)
                    .filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
                linted += 1
            }
        }
        #expect(linted >= 10)
    }
}
