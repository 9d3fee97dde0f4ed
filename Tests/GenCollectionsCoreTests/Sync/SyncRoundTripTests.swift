import Foundation
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
        let collection = try OrderedJSONParser.parse(files[F.collectionFile]!)
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
        let collection = try OrderedJSONParser.parse(files[F.collectionFile]!)
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

        let environment = try OrderedJSONParser.parse(files[F.environmentFile]!)
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
        let merged = try OrderedJSONParser.parse(
            try #require(outcome.changed.first { $0.path == F.collectionFile }).contents)
        let stock = try #require(Self.request(["Catalogue", "Stock level"], in: merged))
        #expect(stock["response"]?.items?.count == 1)
        #expect(stock["id"]?.text == PostmanJSON.stableID("shop/step/inventory"))
        #expect(Self.request(["Catalogue", "Get stock"], in: merged) == nil)
    }
}

/// The cases around the round trip: moved, removed and user-only items.
@Suite struct SyncEdgeCaseTests {
    typealias F = SyncFixtures

    static func apply(_ outcome: BundleSync.Outcome, to files: [String: Data]) throws -> JSONValue {
        var files = files
        for artifact in outcome.changed { files[artifact.path] = artifact.contents }
        return try OrderedJSONParser.parse(files[F.collectionFile]!)
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
        #expect(
            drift.findings == [
                .init(
                    file: F.collectionFile, location: ["Catalogue", "Get stock"], field: "folder",
                    change: .changed, detail: "in \"Orders\" in the file")
            ])
        let merged = try Self.apply(try BundleSync.sync(generated: generated, onDisk: files), to: files)
        #expect(merged == (try F.json(generated, F.collectionFile)))
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
