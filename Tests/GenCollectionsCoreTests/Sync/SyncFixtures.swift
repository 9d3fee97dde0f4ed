import Foundation
import Testing

@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The sync fixtures and what a user does to a bundle in the Postman app, as JSON edits.
enum SyncFixtures {
    static let folder = Golden.fixtures.appendingPathComponent("Sync")
    static let collectionFile = "shop.postman_collection.json"
    static let environmentFile = "shop.postman_environment.json"
    /// Filled in by the user; must never appear in a report.
    static let secretValue = "s3cr3t-api-key-4711"

    static func spec(_ name: String) throws -> Spec {
        let url = folder.appendingPathComponent(name)
        return try SpecLoader.load(String(contentsOf: url, encoding: .utf8), file: url.path).spec
    }

    /// The Postman files of a fixture's bundle: collection and environment, where user edits happen.
    static func bundle(_ specName: String) throws -> [Artifact] {
        try Generator.artifacts(for: spec(specName)).filter {
            $0.path.hasSuffix(".postman_collection.json")
                || $0.path.hasSuffix(".postman_environment.json")
        }
    }

    static func files(_ artifacts: [Artifact]) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: artifacts.map { ($0.path, $0.contents) })
    }

    static func json(_ artifacts: [Artifact], _ path: String) throws -> JSONValue {
        try JSONValue(json: artifacts.first { $0.path == path }!.contents)
    }

    /// Renders JSON as the Postman app might re-save it: tab indent, keys in another order.
    static func resaved(_ value: JSONValue) -> Data {
        func reorder(_ value: JSONValue) -> JSONValue {
            switch value {
            case .object(let pairs): return .object(pairs.reversed().map { ($0.key, reorder($0.value)) })
            case .array(let items): return .array(items.map(reorder))
            default: return value
            }
        }
        return Data((reorder(value).rendered(indent: "\t") + "\n").utf8)
    }

    /// Applies `edit` to every request item (recursively) whose name is `name`.
    static func editRequest(named name: String, in items: inout JSONValue, _ edit: (inout JSONValue) -> Void) {
        guard var list = items.items else { return }
        for index in list.indices {
            if var children = list[index]["item"] {
                editRequest(named: name, in: &children, edit)
                list[index]["item"] = children
            } else if list[index]["name"]?.text == name {
                edit(&list[index])
            }
        }
        items = .array(list)
    }

    /// What the Postman app adds on export, on every request: empty `response` and `protocolProfileBehavior`,
    /// `type: text` on headers.
    static func addPostmanExportNoise(_ items: inout JSONValue) {
        guard var list = items.items else { return }
        for index in list.indices {
            if var children = list[index]["item"] {
                addPostmanExportNoise(&children)
                list[index]["item"] = children
                continue
            }
            if list[index]["response"] == nil { list[index]["response"] = .array([]) }
            if list[index]["protocolProfileBehavior"] == nil { list[index]["protocolProfileBehavior"] = .object([]) }
            if var request = list[index]["request"], let headers = request["header"]?.items {
                request["header"] = .array(
                    headers.map { header in
                        var header = header
                        header["type"] = .string("text")
                        return header
                    })
                list[index]["request"] = request
            }
        }
        items = .array(list)
    }

    /// A collection as a user leaves it after working in Postman: export metadata, a test line of their own
    /// appended to "List products" and a pre-request line put before nothing, a saved example on "Get
    /// product", an edited description on "Create order" (whose item id Postman dropped), a request of their
    /// own in "Orders" and a folder of their own.
    static func userEditedCollection(_ generated: JSONValue) -> JSONValue {
        var collection = generated
        var info = collection["info"]!
        info["_exporter_id"] = .string("12345678")
        info["_postman_id"] = .string("9a0e6a55-0d6c-4f1e-8f53-1f1e9d8c2b11")
        collection["info"] = info
        var items = collection["item"]!
        addPostmanExportNoise(&items)
        editRequest(named: "List products", in: &items) { item in
            var events = item["event"]!.items!
            var script = events[0]["script"]!
            script["exec"] = .array(script["exec"]!.items! + userTestLines.map(JSONValue.string))
            events[0]["script"] = script
            events.append(
                .object([
                    ("listen", .string("prerequest")),
                    (
                        "script",
                        .object([
                            ("exec", .array([.string("console.log(\"user pre-request\");")])),
                            ("type", .string("text/javascript")),
                        ])
                    ),
                ]))
            item["event"] = .array(events)
        }
        editRequest(named: "Get product", in: &items) { item in
            item["response"] = .array([
                .object([
                    ("name", .string("200 one widget")), ("code", .number("200")), ("status", .string("OK")),
                    ("body", .string("{\"id\": \"p1\", \"name\": \"widget\"}")),
                ])
            ])
        }
        editRequest(named: "Create order", in: &items) { item in
            item["id"] = nil
            item["description"] = .string("Places an order. Edited in Postman: needs stock first.")
        }
        var list = items.items!
        let ordersIndex = list.firstIndex { $0["name"]?.text == "Orders" }!
        var orders = list[ordersIndex]
        orders["item"] = .array(orders["item"]!.items! + [userRequest(name: "My debug call", path: "debug")])
        list[ordersIndex] = orders
        list.append(
            .object([
                ("name", .string("Scratch")), ("id", .string("0b7f3a2e-4c1d-4e8a-9b6f-2d3c4e5f6a7b")),
                ("item", .array([userRequest(name: "Try search", path: "search?q=x")])),
            ]))
        collection["item"] = .array(list)
        return collection
    }

    static let userTestLines = [
        "pm.test(\"user: first item has a price\", function () {",
        "    pm.expect(pm.response.json().items[0].price).to.be.above(0);",
        "});",
    ]

    /// An id as the Postman app gives new items: a version 4 UUID.
    static func userID(_ name: String) -> String {
        var characters = Array(PostmanJSON.stableID("user/\(name)"))
        characters[14] = "4"
        return String(characters)
    }

    static func userRequest(name: String, path: String) -> JSONValue {
        .object([
            ("name", .string(name)), ("id", .string(userID(name))),
            (
                "request",
                .object([
                    ("method", .string("GET")), ("header", .array([])),
                    ("url", .object([("raw", .string("{{api}}/\(path)"))])),
                ])
            ),
            ("response", .array([])),
        ])
    }

    /// The environment after the user filled in their client id and API key and added a variable of their own.
    static func userEditedEnvironment(_ generated: JSONValue) -> JSONValue {
        var environment = generated
        environment["_postman_exported_at"] = .string("2026-11-27T10:00:00.000Z")
        environment["_postman_exported_using"] = .string("Postman/11.20.0")
        environment["values"] = .array(
            environment["values"]!.items!.map { variable in
                var variable = variable
                switch variable["key"]?.text {
                case "clientId": variable["value"] = .string("my-client-id")
                case "apiKey": variable["value"] = .string(secretValue)
                default: break
                }
                return variable
            } + [
                .object([
                    ("key", .string("debug")), ("value", .string("1")), ("type", .string("default")),
                    ("enabled", .bool(true)),
                ])
            ])
        return environment
    }

    /// The bundle of `spec.yaml` as the user's edits leave it, re-saved by Postman.
    static func userEditedBundle() throws -> [String: Data] {
        let original = try bundle("spec.yaml")
        return [
            collectionFile: resaved(userEditedCollection(try json(original, collectionFile))),
            environmentFile: resaved(userEditedEnvironment(try json(original, environmentFile))),
        ]
    }
}
