import Foundation
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// Generate → edit in Postman → change the spec → sync: the spec's changes are applied, the user's edits are all
/// still there, and check then finds no drift.
@Suite struct SyncRoundTripTests {
    typealias F = SyncFixtures

    /// The bundle on disk after syncing the user's edited bundle with spec-changed.yaml.
    static func synced() throws -> (files: [String: Data], outcome: BundleSync.Outcome, generated: [Artifact]) {
        var files = try F.userEditedBundle()
        let generated = try F.bundle("spec-changed.yaml")
        let outcome = try BundleSync.sync(generated: generated, onDisk: files)
        for artifact in outcome.changed { files[artifact.path] = artifact.contents }
        return (files, outcome, generated)
    }

    static func request(_ names: [String], in collection: JSONValue) -> JSONValue? {
        CollectionTree(collection).requests.first { $0.names == names }?.value
    }

    @Test func specChangesAreApplied() throws {
        let (files, _, _) = try Self.synced()
        let collection = try JSONValue(json: files[F.collectionFile]!)
        let names = CollectionTree(collection).requests.map { $0.names.joined(separator: "/") }
        #expect(
            names == [
                "Catalogue/List products", "Catalogue/Show one product", "Orders/Create order",
                "Orders/Cancel order", "Orders/My debug call", "Scratch/Try search",
            ])
        for node in CollectionTree(collection).requests where !["My debug call", "Try search"].contains(node.name) {
            let accept = RequestView(node.value).headers.first { $0.key == "Accept" }
            #expect(accept?.value == "application/vnd.shop+json", "\(node.name)")
        }
        let create = try #require(Self.request(["Orders", "Create order"], in: collection))
        let tests = RequestView.scripts(create)["test"]?.lines ?? []
        #expect(tests.contains { $0.hasSuffix(".to.be.oneOf([200]);") })
        #expect(!tests.contains { $0.contains("oneOf([201])") })
        #expect(create["id"]?.text == PostmanJSON.stableID("shop/step/create-order"))
    }

    @Test func everyUserEditIsKept() throws {
        let (files, _, generated) = try Self.synced()
        let collection = try JSONValue(json: files[F.collectionFile]!)
        let list = try #require(Self.request(["Catalogue", "List products"], in: collection))
        let scripts = RequestView.scripts(list)
        let tests = scripts["test"]?.lines ?? []
        #expect(Array(tests.suffix(F.userTestLines.count)) == F.userTestLines)
        let spec = RequestView.scripts(
            try #require(
                Self.request(
                    ["Catalogue", "List products"],
                    in: try F.json(generated, F.collectionFile))))
        #expect(ScriptLines.compare(generated: spec["test"]!.lines, file: tests).missing.isEmpty)
        #expect(scripts["prerequest"]?.lines == ["console.log(\"user pre-request\");"])

        let product = try #require(Self.request(["Catalogue", "Show one product"], in: collection))
        #expect(product["response"]?.items?.first?["name"]?.text == "200 one widget")
        let create = try #require(Self.request(["Orders", "Create order"], in: collection))
        #expect(create["description"]?.text == "Places an order. Edited in Postman: needs stock first.")
        #expect(Self.request(["Orders", "My debug call"], in: collection) != nil)
        #expect(Self.request(["Scratch", "Try search"], in: collection) != nil)

        let environment = try JSONValue(json: files[F.environmentFile]!)
        let values = Dictionary(
            uniqueKeysWithValues: environment["values"]!.items!.map { ($0["key"]!.text!, $0["value"]?.text) })
        #expect(values["clientId"] == "my-client-id")
        #expect(values["apiKey"] == F.secretValue)
        #expect(values["debug"] == "1")
        #expect(values["region"] == "eu")
    }

    @Test func checkAfterSyncFindsNoDriftAndSyncIsIdempotent() throws {
        let (files, outcome, generated) = try Self.synced()
        #expect(outcome.report.hasDrift)
        let drift = DriftChecker.check(generated: generated, onDisk: files)
        #expect(!drift.hasDrift, "\(drift.text())")
        #expect(drift.findings.contains { $0.change == .kept && $0.field == "response examples" })
        #expect(try BundleSync.sync(generated: generated, onDisk: files).changed.isEmpty)
    }

    @Test func reportsNeverShowEnvironmentValues() throws {
        let (_, outcome, generated) = try Self.synced()
        let check = DriftChecker.check(generated: generated, onDisk: try F.userEditedBundle())
        for text in [outcome.report.text(), outcome.report.json(), check.text(), check.json()] {
            #expect(!text.contains(F.secretValue))
            #expect(!text.contains("my-client-id"))
        }
    }

    /// A step whose key changed (a true rename) is matched by method and URL, so its example survives.
    @Test func keyRenameWithTheSameEndpointKeepsUserEdits() throws {
        let original = try F.bundle("spec.yaml")
        var collection = try F.json(original, F.collectionFile)
        var items = collection["item"]!
        F.editRequest(named: "Get stock", in: &items) { item in
            item["response"] = .array([.object([("name", .string("in stock")), ("code", .number("200"))])])
        }
        collection["item"] = items
        let url = F.folder.appendingPathComponent("spec.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(
                of: "name: Get stock\n        key: stock", with: "name: Stock level\n        key: inventory")
        let renamed = try Generator.artifacts(for: SpecLoader.load(text, file: url.path).spec)
        let files = [F.collectionFile: F.resaved(collection), F.environmentFile: original[1].contents]
        let outcome = try BundleSync.sync(generated: renamed, onDisk: files)
        let merged = try JSONValue(
            json:
                try #require(outcome.changed.first { $0.path == F.collectionFile }).contents)
        let stock = try #require(Self.request(["Catalogue", "Stock level"], in: merged))
        #expect(stock["response"]?.items?.count == 1)
        #expect(stock["id"]?.text == PostmanJSON.stableID("shop/step/inventory"))
        #expect(Self.request(["Catalogue", "Get stock"], in: merged) == nil)
    }
}

/// A collection kept as the Postman app exports it (tabs, the app's key order, no final newline) stays so.
@Suite struct SyncLayoutTests {
    typealias F = SyncFixtures

    /// The generated collection as the app would write it: keys in another order, tab-indented, no final newline.
    static func appExport(_ artifacts: [Artifact]) throws -> Data {
        var text = String(decoding: F.resaved(try F.json(artifacts, F.collectionFile)), as: UTF8.self)
        text.removeLast()
        return Data(text.utf8)
    }

    @Test func anAppExportInSyncIsLeftAlone() throws {
        let generated = try F.bundle("spec.yaml")
        let files = [F.collectionFile: try Self.appExport(generated), F.environmentFile: generated[1].contents]
        let outcome = try BundleSync.sync(generated: generated, onDisk: files)
        #expect(outcome.changed.isEmpty, "\(outcome.changed.map(\.path))")
    }

    @Test func aChangedSpecKeepsTheAppLayoutAndOrder() throws {
        let export = try Self.appExport(try F.bundle("spec.yaml"))
        let changed = try F.bundle("spec-changed.yaml")
        let outcome = try BundleSync.sync(
            generated: changed, onDisk: [F.collectionFile: export, F.environmentFile: changed[1].contents])
        let written = try #require(outcome.changed.first { $0.path == F.collectionFile }).contents
        #expect(JSONLayout.of(written) == .postman)
        #expect(written.last != 0x0A)
        // The same keys first as in the export, at every level it had.
        let (before, after) = (try JSONValue(json: export), try JSONValue(json: written))
        #expect(after.members?.map(\.key) == before.members?.map(\.key))
        #expect(after["info"]?.members?.map(\.key) == before["info"]?.members?.map(\.key))
        // The review diff is about as long as a sync of the generator's layout (a neighbour's comma or bracket
        // aside): only lines that carry a change, where re-laying the file would change every line.
        let canonical = try BundleSync.sync(
            generated: changed,
            onDisk: [F.collectionFile: try F.bundle("spec.yaml")[0].contents, F.environmentFile: changed[1].contents])
        let canonicalWritten = try #require(canonical.changed.first { $0.path == F.collectionFile }).contents
        let appDiff = try Self.changedLines(export, written)
        let canonicalDiff = try Self.changedLines(try F.bundle("spec.yaml")[0].contents, canonicalWritten)
        #expect(
            appDiff > 0 && appDiff * 10 <= canonicalDiff * 11,
            "\(appDiff) lines changed, \(canonicalDiff) in canonical layout")
    }

    /// The number of lines `diff` marks as removed or added.
    static func changedLines(_ old: Data, _ new: Data) throws -> Int {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try old.write(to: folder.appendingPathComponent("old"))
        try new.write(to: folder.appendingPathComponent("new"))
        let run = Shell.run("/usr/bin/diff", ["old", "new"], directory: folder)
        return run.output.split(separator: "\n").filter { $0.hasPrefix("<") || $0.hasPrefix(">") }.count
    }
}

/// The cases around the round trip: moved, removed and user-only items.
@Suite struct SyncEdgeCaseTests {
    typealias F = SyncFixtures

    static func apply(_ outcome: BundleSync.Outcome, to files: [String: Data]) throws -> JSONValue {
        var files = files
        for artifact in outcome.changed { files[artifact.path] = artifact.contents }
        return try JSONValue(json: files[F.collectionFile]!)
    }

    static func names(_ collection: JSONValue) -> [String] {
        CollectionTree(collection).requests.map { $0.names.joined(separator: "/") }
    }

    @Test func aMovedRequestIsReportedAndPutBack() throws {
        let generated = try F.bundle("spec.yaml")
        var collection = try F.json(generated, F.collectionFile)
        var folders = collection["item"]!.items!
        var catalogue = folders[0]
        var orders = folders[1]
        let stock = catalogue["item"]!.items!.last!
        catalogue["item"] = .array(catalogue["item"]!.items!.dropLast())
        orders["item"] = .array(orders["item"]!.items! + [stock])
        folders[0] = catalogue
        folders[1] = orders
        collection["item"] = .array(folders)
        let files = [F.collectionFile: F.resaved(collection), F.environmentFile: generated[1].contents]
        let drift = DriftChecker.check(generated: generated, onDisk: files)
        // Reported at the request's place in the file: the second item of the second folder.
        let onDisk = try JSONReader.parse(Array(files[F.collectionFile]!))
        let moved = try #require(onDisk.node(atPointer: "/item/1/item/1"))
        #expect(
            drift.findings == [
                .init(
                    file: F.collectionFile, location: ["Catalogue", "Get stock"], field: "folder",
                    change: .changed, detail: "in \"Orders\" in the file", pointer: "/item/1/item/1",
                    position: onDisk.position(of: moved))
            ])
        let merged = try Self.apply(try BundleSync.sync(generated: generated, onDisk: files), to: files)
        // The same values as generated; keys stay in the re-saved file's order.
        #expect(merged.data(.canonical) == generated[0].contents)
    }

    @Test func aRemovedRequestWithExamplesIsAConflict() throws {
        let original = try F.bundle("spec.yaml")
        var collection = try F.json(original, F.collectionFile)
        var items = collection["item"]!
        F.editRequest(named: "Get stock", in: &items) { item in
            item["response"] = .array([
                .object([("name", .string("in stock"))]), .object([("name", .string("sold out"))]),
            ])
        }
        collection["item"] = items
        let files = [F.collectionFile: F.resaved(collection), F.environmentFile: original[1].contents]
        let outcome = try BundleSync.sync(generated: try F.bundle("spec-changed.yaml"), onDisk: files)
        let conflict = try #require(outcome.report.findings.first { $0.change == .conflict && $0.field == "request" })
        #expect(conflict.location == ["Catalogue", "Get stock"])
        #expect(conflict.detail?.contains("2 saved examples") == true)
        #expect(!Self.names(try Self.apply(outcome, to: files)).contains("Catalogue/Get stock"))
    }

    @Test func aRemovedFlowKeepsItsFolderForTheUsersRequests() throws {
        var files = try F.userEditedBundle()
        let url = F.folder.appendingPathComponent("spec.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let withoutOrders = String(text[..<text.range(of: "  - name: Orders")!.lowerBound])
        let generated = try Generator.artifacts(for: SpecLoader.load(withoutOrders, file: url.path).spec)
        let outcome = try BundleSync.sync(generated: generated, onDisk: files)
        let merged = try Self.apply(outcome, to: files)
        #expect(
            Self.names(merged) == [
                "Catalogue/List products", "Catalogue/Get product", "Catalogue/Get stock",
                "Orders/My debug call", "Scratch/Try search",
            ])
        #expect(
            outcome.report.findings.contains {
                $0.change == .conflict && $0.location == ["Orders"]
                    && $0.detail?.contains("kept because it holds") == true
            })
        for artifact in outcome.changed { files[artifact.path] = artifact.contents }
        let after = DriftChecker.check(generated: generated, onDisk: files)
        #expect(after.findings.filter(\.isDrift).map(\.location) == [["Orders"]])
    }
}
