import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsTestSupport

/// The specs the runner tests use, and where the runner's own test files are.
enum RunnerTestSupport {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The default spec (`specs/monese-sandbox.yaml`) or a generate fixture (`Fixtures/Generate/<name>/spec.yaml`).
    static func spec(_ name: String) throws -> Spec {
        let url =
            name == "monese-sandbox"
            ? PackagePaths.root.appendingPathComponent("specs/monese-sandbox.yaml")
            : PackagePaths.root.appendingPathComponent(
                "Tests/GenCollectionsCoreTests/Fixtures/Generate/\(name)/spec.yaml")
        return try SpecLoader.load(String(contentsOf: url, encoding: .utf8), file: url.path).spec
    }
}
