import Foundation
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsBase

/// The one Postman model: typed properties over the JSON as written, so nothing is lost on the way through.
@Suite struct PostmanModelTests {
    /// Every collection, environment and certificate list the project holds (fixtures, the bundles), as bytes.
    static func repositoryFiles() throws -> [(path: String, bytes: Data)] {
        try FileManager.default.subpathsOfDirectory(atPath: PackagePaths.root.path)
            .filter { path in
                !path.hasPrefix(".build")
                    && ["_collection.json", "_environment.json", "cert-list.json"].contains { path.hasSuffix($0) }
            }
            .sorted()
            .map { ($0, try Data(contentsOf: PackagePaths.root.appendingPathComponent($0))) }
    }

    @Test func everyFileReadsAndWritesBackUnchanged() throws {
        var compared = 0
        for (path, bytes) in try Self.repositoryFiles() {
            guard let value = try? JSONValue(json: bytes) else { continue }  // the hostile fixtures
            let written: JSONValue
            if path.hasSuffix("_collection.json") {
                let collection = Postman.Collection(json: value)
                guard collection.isCollection else { continue }  // the v1 fixtures lint rejects
                written = PostmanRewrite.rewritten(collection).json
            } else if path.hasSuffix("_environment.json") {
                var environment = Postman.Environment(json: value)
                environment.values = environment.values
                written = environment.json
            } else {
                var list = Postman.CertificateList(json: value)
                list.entries = list.entries
                written = list.json
            }
            #expect(written == value, "\(path)")
            compared += 1
        }
        #expect(compared > 20)
    }

    static let appExport = """
        {
        \t"info": {
        \t\t"_postman_id": "0d6d3f7a",
        \t\t"name": "Ozone",
        \t\t"description": {"content": "Read *accounts*", "type": "text/markdown"},
        \t\t"version": {"major": 3, "minor": 1, "patch": 11, "identifier": "obl"},
        \t\t"schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"
        \t},
        \t"item": [
        \t\t{
        \t\t\t"name": "Accounts",
        \t\t\t"x-team": "ais",
        \t\t\t"auth": {"type": "bearer", "bearer": {"token": "{{accessToken}}"}},
        \t\t\t"item": [
        \t\t\t\t{
        \t\t\t\t\t"name": "List",
        \t\t\t\t\t"request": {
        \t\t\t\t\t\t"method": "get",
        \t\t\t\t\t\t"header": "Accept: application/json",
        \t\t\t\t\t\t"url": {
        \t\t\t\t\t\t\t"protocol": "https", "host": "rs1.example.com", "port": 443, "path": "/open-banking/accounts",
        \t\t\t\t\t\t\t"query": [{"key": "page", "value": "1"}, {"key": "debug", "value": "1", "disabled": true}],
        \t\t\t\t\t\t\t"hash": "top"
        \t\t\t\t\t\t}
        \t\t\t\t\t},
        \t\t\t\t\t"event": [{"listen": "test", "script": {"type": "text/javascript", "exec": "pm.test('ok');\\r\\nconsole.log(1);"}}],
        \t\t\t\t\t"response": [{"name": "200 OK", "code": 200, "body": "{}"}]
        \t\t\t\t},
        \t\t\t\t{"name": "Ping", "request": "https://rs1.example.com/ping"},
        \t\t\t\t42
        \t\t\t]
        \t\t}
        \t]
        }
        """

    @Test func typedPropertiesReadEveryShapeTheFormatsAllow() throws {
        let collection = Postman.Collection(json: try JSONValue(json: Data(Self.appExport.utf8)))
        #expect(collection.format == .v20)
        #expect(collection.info.description == "Read *accounts*")
        #expect(collection.info.version == "3.1.11-obl")
        let folder = collection.items[0]
        #expect(folder.isFolder)
        #expect(folder.auth?.parameter("token") == "{{accessToken}}")
        let items = folder.items ?? []
        #expect(items.count == 3)
        let list = try #require(items[0].request)
        #expect(list.effectiveMethod == "GET")
        #expect(list.header == nil)  // one string of header lines: kept in `json`, not a list
        #expect(list.url?.text == "https://rs1.example.com:443/open-banking/accounts?page=1#top")
        #expect(list.url?.parts.path == ["open-banking", "accounts"])
        #expect(items[0].events?.first?.lines == ["pm.test('ok');", "console.log(1);"])
        #expect(items[0].responses?.first?.code == 200)
        #expect(items[1].request?.url?.text == "https://rs1.example.com/ping")
        #expect(items[1].request?.effectiveMethod == "GET")
        #expect(!items[2].isObject && !items[2].isFolder)
    }

    /// A change touches the member it names and nothing else: the app's bytes stay, one line differs.
    @Test func oneChangeIsOneLineOfTheAppExport() throws {
        let bytes = Data(Self.appExport.utf8)
        let original = try JSONValue(json: bytes)
        let stringified = original.data(.postman, finalNewline: false)
        var collection = Postman.Collection(json: original)
        #expect(PostmanRewrite.rewritten(collection).json.data(.postman, finalNewline: false) == stringified)
        var items = collection.items[0].items ?? []
        items[0].request?.method = "POST"
        collection.items[0].items = items
        let before = String(decoding: stringified, as: UTF8.self).split(separator: "\n")
        let after = String(decoding: collection.json.data(.postman, finalNewline: false), as: UTF8.self)
            .split(separator: "\n")
        #expect(before.count == after.count)
        let changed = zip(before, after).filter { $0 != $1 }
        #expect(changed.map(\.1) == ["\t\t\t\t\t\t\"method\": \"POST\","])
    }

    @Test func aURLOnlyRequestStaysAStringUntilItNeedsMore() {
        var request = Postman.Request(json: .string("https://rs1.example.com/ping"))
        request.url = request.url
        #expect(request.json == .string("https://rs1.example.com/ping"))
        request.method = "POST"
        #expect(
            request.json == .object([("url", .string("https://rs1.example.com/ping")), ("method", .string("POST"))]))
        var other = Postman.Request(json: .string("https://a.example/x"))
        other.url = Postman.URL(raw: "https://b.example/y", protocol: "https", host: ["b", "example"], path: ["y"])
        #expect(other.url?.text == "https://b.example/y")
        #expect(other.json["url"]?["host"] == .array([.string("b"), .string("example")]))
    }

    @Test func builtValuesHaveTheMembersTheGeneratorWrites() {
        var item = Postman.Item(
            requestID: "1", name: "Token",
            request: Postman.Request(
                method: "POST", url: Postman.URL(raw: "{{as}}/token", host: ["{{as}}"], path: ["token"])))
        item.request?.auth = Postman.Auth(
            type: "basic", parameters: [Postman.KeyValue(key: "username", value: "{{clientId}}", type: "string")])
        item.events = [Postman.Event(listen: "test", id: "t", lines: ["pm.test('ok');"])]
        #expect(
            String(decoding: item.json.data(.postman, finalNewline: false), as: UTF8.self) == """
                {
                \t"id": "1",
                \t"name": "Token",
                \t"request": {
                \t\t"method": "POST",
                \t\t"header": [],
                \t\t"url": {
                \t\t\t"raw": "{{as}}/token",
                \t\t\t"host": [
                \t\t\t\t"{{as}}"
                \t\t\t],
                \t\t\t"path": [
                \t\t\t\t"token"
                \t\t\t]
                \t\t},
                \t\t"auth": {
                \t\t\t"type": "basic",
                \t\t\t"basic": [
                \t\t\t\t{
                \t\t\t\t\t"key": "username",
                \t\t\t\t\t"value": "{{clientId}}",
                \t\t\t\t\t"type": "string"
                \t\t\t\t}
                \t\t\t]
                \t\t}
                \t},
                \t"event": [
                \t\t{
                \t\t\t"listen": "test",
                \t\t\t"script": {
                \t\t\t\t"id": "t",
                \t\t\t\t"type": "text/javascript",
                \t\t\t\t"exec": [
                \t\t\t\t\t"pm.test('ok');"
                \t\t\t\t]
                \t\t\t}
                \t\t}
                \t]
                }
                """)
    }

    @Test func environmentsAndCertificateListsRead() throws {
        let environment = Postman.Environment(
            json: try JSONValue(
                json: Data(
                    #"{"id":"e","name":"Sandbox","values":[{"key":"clientSecret","value":"s3","type":"secret","enabled":false}],"_postman_variable_scope":"globals","_postman_exported_using":"Postman/11"}"#
                        .utf8)))
        #expect(environment.isEnvironment && environment.scope == "globals")
        #expect(environment.values.map(\.type) == ["secret"])
        #expect(environment.values.first?.enabled == false)
        let list = Postman.CertificateList(
            json: try JSONValue(
                json: Data(
                    #"[{"name":"rs","matches":["https://rs1.example.com:443/*"],"key":{"src":"certs/tpp.key"},"cert":{"src":"certs/tpp.pem"}}]"#
                        .utf8)))
        #expect(list.entries.map(\.matches) == [["https://rs1.example.com:443/*"]])
        #expect(
            list.entries.first?.keyFile == "certs/tpp.key" && list.entries.first?.certificateFile == "certs/tpp.pem")
    }
}
