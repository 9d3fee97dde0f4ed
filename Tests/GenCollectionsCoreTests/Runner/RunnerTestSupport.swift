import Foundation
import GenCollectionsCore
import Testing

/// Fixtures and golden files of the runner tests, found from this file's path.
enum RunnerTestSupport {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default spec (`specs/monese-sandbox.yaml`) or a fixture of `Fixtures/`.
    static func spec(_ name: String) throws -> Spec {
        let url = name == "monese-sandbox"
            ? repository.appendingPathComponent("specs/monese-sandbox.yaml")
            : folder.appendingPathComponent("Fixtures/\(name).yaml")
        return try SpecLoader.load(String(contentsOf: url, encoding: .utf8), file: url.path).spec
    }

    /// Compares `data` with `Goldens/<name>` byte for byte; records it (and fails) when missing or when
    /// `GEN_COLLECTIONS_RECORD=1`.
    static func expectGolden(_ data: Data, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent("Goldens/\(name)")
        let record = ProcessInfo.processInfo.environment["GEN_COLLECTIONS_RECORD"] == "1"
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try data.write(to: url)
            Issue.record("recorded new baseline \(name)", sourceLocation: sourceLocation)
            return
        }
        let expected = try Data(contentsOf: url)
        #expect(data == expected, "\(name) differs from its golden; GEN_COLLECTIONS_RECORD=1 rewrites it",
                sourceLocation: sourceLocation)
    }

    /// Path of an executable on PATH, if any.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
