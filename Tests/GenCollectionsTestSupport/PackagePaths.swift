import Foundation

/// Where things are, found from this file's path so tests (and record mode) work in any checkout.
public enum PackagePaths {
    /// The package root.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The debug build of `gen-collections` that end-to-end tests run (`swift build && swift test`).
    public static let binary = root.appendingPathComponent(".build/debug/gen-collections")

    /// The official Postman Collection v2.1.0 schema, vendored with its licence (Tests/Fixtures/Postman/SOURCE.md).
    public static let postmanCollectionSchema = root.appendingPathComponent(
        "Tests/Fixtures/Postman/collection-v2.1.0.schema.json")

    /// Whether the binary has been built.
    public static var binaryIsBuilt: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }
}
