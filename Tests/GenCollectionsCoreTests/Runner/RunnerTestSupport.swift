import Foundation
import GenCollectionsCore
import Testing

/// The specs the runner tests use, found from this file's path.
enum RunnerTestSupport {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default spec (`specs/monese-sandbox.yaml`) or a generate fixture (`Fixtures/Generate/<name>/spec.yaml`).
    static func spec(_ name: String) throws -> Spec {
        let url = name == "monese-sandbox"
            ? repository.appendingPathComponent("specs/monese-sandbox.yaml")
            : repository.appendingPathComponent("Tests/GenCollectionsCoreTests/Fixtures/Generate/\(name)/spec.yaml")
        return try SpecLoader.load(String(contentsOf: url, encoding: .utf8), file: url.path).spec
    }

    /// Path of an executable on PATH, if any.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
