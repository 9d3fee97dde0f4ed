import Foundation
import GenCollectionsTestSupport
import Testing

/// The commands as a user runs them: the adopted collection checks in sync, nothing is written on failure, and
/// `convert` writes to standard output or atomically to a file.
@Suite(.enabled(if: PackagePaths.binaryIsBuilt, "build first: swift build && swift test"))
struct ImportCLITests {
    static let binary = PackagePaths.binary.path

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("import-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Adopt the committed bundle's collection, then `check` the original: the collection is in sync.
    @Test func adoptedCollectionChecksInSync() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: original, withIntermediateDirectories: true)
        let collection = ImportFixtures.url("output/monese-sandbox.postman_collection.json")
        try FileManager.default.copyItem(
            at: collection, to: original.appendingPathComponent("monese-sandbox.postman_collection.json"))
        let spec = folder.appendingPathComponent("spec.yaml").path
        let imported = Shell.run(
            Self.binary,
            [
                "import", "postman", collection.path, "--env",
                ImportFixtures.url("output/monese-sandbox.postman_environment.json").path, "-o", spec,
            ])
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("wrote \(spec): 3 flows, 17 steps"))
        let check = Shell.run(Self.binary, ["check", "--spec", spec, "--out", original.path])
        #expect(check.output.contains("monese-sandbox.postman_collection.json: in sync"), "\(check.output)")
    }

    /// A file that is not a collection: exit 1, the place named, and no spec written.
    @Test func failureWritesNothing() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("broken.json")
        try Data("{\n  \"item\": [\n".utf8).write(to: input)
        let spec = folder.appendingPathComponent("spec.yaml")
        let run = Shell.run(Self.binary, ["import", "postman", input.path, "-o", spec.path])
        #expect(run.status == 1)
        #expect(run.error.contains("broken.json:3:1: error:"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: spec.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.json"])
    }

    @Test func convertWritesStandardOutputOrAFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = ImportFixtures.url("output/monese-sandbox.postman_collection.json").path
        let printed = Shell.run(Self.binary, ["convert", input, "--to", "v2.0"])
        #expect(printed.status == 0, "\(printed.error)")
        #expect(printed.output.contains("collection/v2.0.0/collection.json"))
        let output = folder.appendingPathComponent("v20.json")
        let written = Shell.run(Self.binary, ["convert", input, "--to", "v2.0", "-o", output.path])
        #expect(written.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8) == printed.output)
        let unknown = Shell.run(Self.binary, ["convert", input, "--to", "v1"])
        #expect(unknown.status == 64)
    }
}
