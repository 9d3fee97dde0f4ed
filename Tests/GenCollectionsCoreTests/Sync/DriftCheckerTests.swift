import Foundation
import Testing
@testable import GenCollectionsCore

/// What counts as drift and what does not, and the report in both formats (golden files).
@Suite struct DriftCheckerTests {
    typealias F = SyncFixtures

    @Test func postmanResaveIsNotDrift() throws {
        let generated = try F.bundle("spec.yaml")
        var collection = try F.json(generated, F.collectionFile)
        var items = collection["item"]!
        F.addPostmanExportNoise(&items)
        // Postman may store a script as one string with newlines.
        F.editRequest(named: "List products", in: &items) { item in
            var events = item["event"]!.items!
            var script = events[0]["script"]!
            script["exec"] = .array([.string(script["exec"]!.items!.compactMap(\.text).joined(separator: "\n"))])
            events[0]["script"] = script
            item["event"] = .array(events)
        }
        collection["item"] = items
        collection["info"]!["_exporter_id"] = .string("42")
        var environment = try F.json(generated, F.environmentFile)
        environment["_postman_exported_using"] = .string("Postman/11.20.0")
        let drift = DriftChecker.check(generated: generated, onDisk: [
            F.collectionFile: F.resaved(collection), F.environmentFile: F.resaved(environment),
        ])
        #expect(drift.findings.isEmpty, "\(drift.text())")
        #expect(drift.text() == """
            shop.postman_collection.json: in sync
            shop.postman_environment.json: in sync
            check: 2 files compared, no drift

            """)
    }

    @Test func driftReportText() throws {
        let drift = DriftChecker.check(generated: try F.bundle("spec-changed.yaml"), onDisk: try F.userEditedBundle())
        #expect(drift.hasDrift)
        Golden.assertMatches(drift.text(), golden: F.folder.appendingPathComponent("drift-report.txt"))
    }

    @Test func driftReportJSON() throws {
        let drift = DriftChecker.check(generated: try F.bundle("spec-changed.yaml"), onDisk: try F.userEditedBundle())
        let json = drift.json()
        Golden.assertMatches(json, golden: F.folder.appendingPathComponent("drift-report.json"))
        let parsed = try OrderedJSONParser.parse(Data(json.utf8))
        #expect(parsed["drift"] == .bool(true))
        #expect(parsed["files"]?.items?.count == 2)
    }

    @Test func syncReportText() throws {
        let outcome = try BundleSync.sync(generated: try F.bundle("spec-changed.yaml"), onDisk: try F.userEditedBundle())
        Golden.assertMatches(outcome.report.text(verb: "sync"), golden: F.folder.appendingPathComponent("sync-report.txt"))
    }

    @Test func missingAndInvalidFiles() throws {
        let generated = try F.bundle("spec.yaml")
        let missing = DriftChecker.check(generated: generated, onDisk: [F.collectionFile: generated[0].contents])
        #expect(missing.findings == [.init(file: F.environmentFile, field: "file", change: .added, detail: "missing")])
        #expect(missing.json().contains("\"status\": \"missing\""))
        let broken = DriftChecker.check(generated: generated, onDisk: [
            F.collectionFile: Data("{\n  \"info\": {},\n}".utf8), F.environmentFile: generated[1].contents,
        ])
        #expect(broken.findings.map(\.detail) == ["not valid JSON: 3:1: expected a quoted key"])
        #expect(throws: BundleSync.UnreadableFile.self) {
            try BundleSync.sync(generated: generated, onDisk: [F.collectionFile: Data("[1, 2".utf8)])
        }
    }

    /// Other bundle files: JSON semantically, text line by line.
    @Test func nonPostmanArtifacts() throws {
        let certificates = Artifact(path: "ssl-client-cert-list.json", text: "[{\"name\": \"a\", \"matches\": [\"https://x/*\"]}]\n")
        let script = Artifact(path: "run-newman.sh", text: "#!/bin/sh\nset -eu\nnewman run c.json\n", executable: true)
        let generated = [certificates, script]
        let same = DriftChecker.check(generated: generated, onDisk: [
            certificates.path: Data("[\n\t{\"matches\": [\"https://x/*\"], \"name\": \"a\"}\n]".utf8),
            script.path: Data("#!/bin/sh\r\nset -eu\r\nnewman run c.json".utf8),
        ])
        #expect(same.findings.isEmpty)
        let changed = DriftChecker.check(generated: generated, onDisk: [
            certificates.path: Data("[{\"name\": \"b\", \"matches\": [\"https://x/*\"]}]".utf8),
            script.path: Data("#!/bin/sh\nset -e\nnewman run c.json\n".utf8),
        ])
        #expect(changed.findings.map(\.detail) == [
            "first difference at $[0].name",
            "first difference at line 2 (3 lines in the file, 3 from the spec)",
        ])
        let outcome = try BundleSync.sync(generated: generated, onDisk: [script.path: Data("old\n".utf8)])
        #expect(outcome.changed == [certificates, script])
    }

    /// The committed default bundle: the reader and writer give back its bytes, and it is in sync.
    @Test func defaultBundleRoundTripsAndIsInSync() throws {
        let generated = try Generator.artifacts(for: try DefaultSpec.load())
        for artifact in generated {
            #expect(try OrderedJSONParser.parse(artifact.contents).postmanData() == artifact.contents, "\(artifact.path)")
        }
        let onDisk = F.files(generated)
        #expect(DriftChecker.check(generated: generated, onDisk: onDisk).findings.isEmpty)
        #expect(try BundleSync.sync(generated: generated, onDisk: onDisk).changed.isEmpty)
        let fixture = try F.bundle("spec.yaml")
        #expect(try BundleSync.sync(generated: fixture, onDisk: [:]).changed == fixture)
    }
}
