import Foundation
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// `check` and `sync` through the built binary: exit codes, messages, files. Build first (`swift build && swift test`).
@Suite(.serialized) struct SyncEndToEndTests {
    static let binary = PackagePaths.root.appendingPathComponent(".build/debug/gen-collections")
    typealias F = SyncFixtures

    func run(_ arguments: [String], in folder: URL) throws -> Shell.Result {
        try #require(
            FileManager.default.isExecutableFile(atPath: Self.binary.path),
            "build first: swift build && swift test (missing \(Self.binary.path))")
        return Shell.run(Self.binary.path, arguments, directory: folder)
    }

    /// A scratch folder holding the sync fixtures' specs and the user's edited bundle in `bundle/`.
    func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gen-collections-sync-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("bundle"), withIntermediateDirectories: true)
        for name in ["spec.yaml", "spec-changed.yaml"] {
            try FileManager.default.copyItem(
                at: F.folder.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        for (path, data) in try F.userEditedBundle() {
            try data.write(to: folder.appendingPathComponent("bundle/\(path)"))
        }
        // The rest of the bundle (the runner), as generated: users edit the Postman files.
        for artifact in try Generator.artifacts(for: F.spec("spec.yaml")) where !artifact.path.hasPrefix("shop.") {
            try artifact.contents.write(to: folder.appendingPathComponent("bundle/\(artifact.path)"))
        }
        return folder
    }

    @Test func committedOutputIsInSync() throws {
        let result = try run(["check", "--out", "output"], in: PackagePaths.root)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.hasSuffix("check: 6 files compared, no drift\n"), "\(result.output)")
    }

    @Test func checkExitCodes() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let clean = try run(["check", "--spec", "spec.yaml", "--out", "bundle"], in: folder)
        #expect(clean.status == 0, "\(clean.output)\(clean.error)")
        #expect(clean.output.contains("kept test script: 3 lines of the user's own"))

        let drift = try run(["check", "--spec", "spec-changed.yaml", "--out", "bundle"], in: folder)
        #expect(drift.status == 1)
        #expect(drift.output.contains("Catalogue / Get stock: removed request: no longer in the spec"))
        let json = try run(["check", "--spec", "spec-changed.yaml", "--out", "bundle", "--format", "json"], in: folder)
        #expect(json.status == 1)
        #expect(try JSONValue(json: Data(json.output.utf8))["drift"] == .bool(true))

        let noFolder = try run(["check", "--spec", "spec.yaml", "--out", "nowhere"], in: folder)
        #expect(noFolder.status == 66)
        #expect(noFolder.error.contains("nowhere: error: cannot read the output folder: no such folder"))
        #expect(try run(["check", "--spec", "missing.yaml", "--out", "bundle"], in: folder).status == 66)
        #expect(try run(["check", "--format", "xml"], in: folder).status == 64)

        try FileManager.default.removeItem(at: folder.appendingPathComponent("bundle/\(F.environmentFile)"))
        let missing = try run(["check", "--spec", "spec.yaml", "--out", "bundle"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.output.contains("shop.postman_environment.json: 1 difference\n  added file: missing"))
    }

    @Test func syncDryRunThenSyncThenCheck() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let collection = folder.appendingPathComponent("bundle/\(F.collectionFile)")
        let before = try Data(contentsOf: collection)
        let dry = try run(["sync", "--spec", "spec-changed.yaml", "--out", "bundle", "--dry-run"], in: folder)
        #expect(dry.status == 0, "\(dry.error)")
        #expect(dry.output.contains("would write bundle/\(F.collectionFile)"))
        #expect(try Data(contentsOf: collection) == before)

        let sync = try run(["sync", "--spec", "spec-changed.yaml", "--out", "bundle"], in: folder)
        #expect(sync.status == 0, "\(sync.error)")
        #expect(sync.output.contains("wrote bundle/\(F.collectionFile)"))
        #expect(!sync.output.contains(F.secretValue))
        let check = try run(["check", "--spec", "spec-changed.yaml", "--out", "bundle"], in: folder)
        #expect(check.status == 0, "\(check.output)")
        let again = try run(["sync", "--spec", "spec-changed.yaml", "--out", "bundle"], in: folder)
        #expect(again.output.contains("nothing to write"))
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("bundle").path)
        // sync also writes the record of the spec it synced from, which later commands on the folder use.
        #expect(
            leftovers.sorted() == [
                "gen-collections.bundle.json", "run-newman.plan.json", "run-newman.sh", F.collectionFile,
                F.environmentFile,
            ])
    }

    @Test func syncRefusesAFileThatIsNotJSON() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = folder.appendingPathComponent("bundle/\(F.environmentFile)")
        try Data("{\n  \"values\": [\n}".utf8).write(to: environment)
        let sync = try run(["sync", "--spec", "spec-changed.yaml", "--out", "bundle"], in: folder)
        #expect(sync.status == 1)
        #expect(
            sync.error.contains(
                "bundle/\(F.environmentFile):3:1: error: cannot merge: unexpected '}', expected a value"))
        #expect(try Data(contentsOf: environment) == Data("{\n  \"values\": [\n}".utf8))
        #expect(try run(["check", "--spec", "spec-changed.yaml", "--out", "bundle"], in: folder).status == 1)
    }
}
