import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The generated bundles, byte for byte: each bundled bank's committed bundle (the default bank's in `output/`, the
/// others' in `examples/<name>/`) and one `expected/` folder per fixture spec under `Fixtures/Generate/<case>/`.
@Suite struct GenerateGoldenTests {
    static let cases =
        (try? FileManager.default.contentsOfDirectory(atPath: Golden.fixtures.appendingPathComponent("Generate").path))?
        .filter { !$0.hasPrefix(".") }.sorted() ?? []

    /// Where a bundled bank's bundle is committed; `.ci/run` checks the same folders.
    static func committedBundle(of bank: BundledBank) -> URL {
        PackagePaths.root.appendingPathComponent(bank.isDefault ? "output" : "examples/\(bank.name)")
    }

    @Test(arguments: BundledBank.all.map(\.name))
    func bundledBankMatchesItsCommittedBundle(_ name: String) throws {
        let bank = try #require(BundledBank.named(name))
        let options = Generator.Options(record: BundleRecord(source: .bank(bank.name)))
        try assertFolder(
            Self.committedBundle(of: bank), holds: try Generator.artifacts(for: try bank.load(), options: options))
    }

    @Test func thereAreTwoBundledBanksAndTheDefaultIsOne() {
        #expect(BundledBank.all.count >= 2)
        #expect(BundledBank.all.contains(.default))
    }

    @Test(arguments: cases)
    func fixtureBundle(_ name: String) throws {
        let folder = Golden.fixtures.appendingPathComponent("Generate/\(name)")
        // run-newman.sh is the same file for every spec (RunnerScriptTests pins it to templates/run-newman.sh):
        // the fixtures keep what differs, the committed bundles keep the whole bundle.
        let artifacts = try Self.generate(fixture: folder).filter { $0.path != RunnerScript.fileName }
        try assertFolder(folder.appendingPathComponent("expected"), holds: artifacts)
    }

    @Test func sameInputGivesSameBytes() throws {
        let spec = try DefaultSpec.load()
        #expect(try Generator.artifacts(for: spec) == Generator.artifacts(for: try DefaultSpec.load()))
    }

    /// `generate` translates the collection folder by folder as it writes it, `check` and `sync` build its value:
    /// the same bytes. Given the file on disk, `check` and `sync` compare it folder by folder instead, and keep the
    /// file's bytes and a way to make the value when it is untouched, the value when it differs.
    @Test(arguments: cases + ["default bank"])
    func writtenCollectionIsTheOneCheckAndSyncMake(_ name: String) throws {
        func artifacts(keepingValues: Bool, collectionOnDisk: Data? = nil) throws -> [Artifact] {
            guard name != "default bank" else {
                var options = Generator.Options(keepsJSONValues: keepingValues)
                options.collectionOnDisk = collectionOnDisk
                return try Generator.artifacts(for: try DefaultSpec.load(), options: options)
            }
            return try Self.generate(
                fixture: Golden.fixtures.appendingPathComponent("Generate/\(name)"), keepingValues: keepingValues,
                collectionOnDisk: collectionOnDisk)
        }
        let kept = try artifacts(keepingValues: true), streamed = try artifacts(keepingValues: false)
        let collection = try #require(streamed.first)
        #expect(collection.path.hasSuffix(".postman_collection.json") && collection.stream != nil)
        #expect(kept.dropFirst().map(\.contents) == streamed.dropFirst().map(\.contents))
        #expect(kept[0].json?.data(.canonical) == kept[0].contents)

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try ArtifactWriter.write(streamed, to: out)
        let written = try Data(contentsOf: out.appendingPathComponent(collection.path))
        #expect(written == kept[0].contents)

        let untouched = try #require(try artifacts(keepingValues: true, collectionOnDisk: written).first)
        #expect(untouched.contents == written && untouched.json == nil)
        let makeJSON = try #require(untouched.makeJSON)
        #expect(makeJSON().data(.canonical) == written)
        var edited = written
        edited[edited.count / 2] = UInt8(ascii: "#")
        let drifted = try #require(try artifacts(keepingValues: true, collectionOnDisk: edited).first)
        #expect(drifted.contents == written && drifted.json == kept[0].json && drifted.makeJSON == nil)
    }

    /// Generates a fixture: `spec.yaml`, plus `helper-environment.json` when present, plus `options.txt` whose
    /// lines name options (`include-unsupported`).
    static func generate(
        fixture folder: URL, keepingValues: Bool = true, collectionOnDisk: Data? = nil
    ) throws -> [Artifact] {
        let specFile = folder.appendingPathComponent("spec.yaml")
        let spec = try SpecLoader.load(String(contentsOf: specFile, encoding: .utf8), file: "spec.yaml").spec
        var options = Generator.Options(keepsJSONValues: keepingValues)
        options.collectionOnDisk = collectionOnDisk
        let helper = folder.appendingPathComponent("helper-environment.json")
        if let data = try? Data(contentsOf: helper) {
            options.helperEnvironment = try HelperEnvironment(data: data, file: "helper-environment.json")
        }
        let flags = (try? String(contentsOf: folder.appendingPathComponent("options.txt"), encoding: .utf8)) ?? ""
        options.includeUnsupported = flags.contains("include-unsupported")
        return try Generator.artifacts(for: spec, options: options)
    }

    /// Every artifact matches its golden file, and the folder holds no file the generator no longer writes.
    private func assertFolder(_ folder: URL, holds artifacts: [Artifact]) throws {
        for artifact in artifacts {
            Golden.assertMatches(artifact.contents, golden: folder.appendingPathComponent(artifact.path))
        }
        let expected = Set(artifacts.map(\.path))
        let present = Set(
            try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { path in
                var isFolder: ObjCBool = false
                let exists = FileManager.default.fileExists(
                    atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
                return exists && !isFolder.boolValue && !path.split(separator: "/").contains { $0.hasPrefix(".") }
            })
        for extra in present.subtracting(expected).sorted() {
            Issue.record("\(folder.lastPathComponent)/\(extra) is no longer generated; delete it")
        }
    }
}
