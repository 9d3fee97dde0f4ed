import Foundation
import GenCollectionsBase
import Testing
@testable import GenCollectionsLint

/// What lets a team adopt the linter on existing files: inline suppressions with reasons, baselines, and input
/// the way other tools write it (Postman API envelopes, UTF-16 files).
struct AdoptionTests {
    static let info =
        #""info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}"#

    func lint(_ text: String, file: String = "c.postman_collection.json") -> [Diagnostic] {
        Linter().lint(file: file, bytes: Array(text.utf8))
    }

    @Test func descriptionSuppressionSilencesTheRuleInsideTheItem() {
        let text = """
            {\(Self.info), "item": [
              {"name": "Legacy", "description": "gen-collections-disable insecure-http, missing-test-script: the old \
            host has no TLS; retired in Q3", "request": "http://legacy.example.com/a"},
              {"name": "Other", "request": "http://other.example.com/a"}]}
            """
        let ids = lint(text).map { "\($0.id)@\($0.location?.line ?? 0)" }
        #expect(!ids.contains("insecure-http@2") && !ids.contains("missing-test-script@2"), "\(ids)")
        #expect(ids.contains("insecure-http@3") && ids.contains("missing-test-script@3"), "\(ids)")
    }

    @Test func scriptSuppressionSilencesTheNextLineOnly() {
        let text = """
            {\(Self.info), "item": [{"name": "R", "request": "https://example.com", "event": [{"listen": "prerequest",
              "script": {"exec": [
                "// gen-collections-disable-next-line newman-sandbox: only run in the Postman app",
                "const a = require('crypto');",
                "const b = require('fs');"]}}]}]}
            """
        let found = lint(text).filter { $0.id == "newman-sandbox" }.map { $0.location?.line ?? 0 }
        #expect(found == [5])
    }

    @Test func suppressionWithoutReasonOrWithUnknownRuleIsReportedAndNotApplied() {
        let text = """
            {\(Self.info), "item": [{"name": "R", "description": "gen-collections-disable insecure-http",
              "request": "http://a.example.com", "event": [{"listen": "test", "script": {"exec": [
                "// gen-collections-disable-next-line no-such-rule: because",
                "pm.test('ok', () => {});"]}}]}]}
            """
        let diagnostics = lint(text)
        #expect(diagnostics.contains { $0.id == "insecure-http" })
        let problems = diagnostics.filter { $0.id == "lint-suppression" }.map(\.message)
        #expect(problems.contains { $0.contains("gives no reason") }, "\(problems)")
        #expect(problems.contains { $0.contains("unknown rule 'no-such-rule'") }, "\(problems)")
    }

    @Test func postmanAPIEnvelopesAreUnwrappedAsNewmanDoes() {
        let collection = #"{"collection": {\#(Self.info), "item": [{"name": "R", "request": "https://example.com"}]}}"#
        let ids = Set(lint(collection).map(\.id))
        #expect(!ids.contains("postman-schema") && !ids.contains("postman-unknown-file"), "\(ids)")
        #expect(ids.contains("missing-test-script"))
        let environment =
            #"{"environment": {"name": "E", "values": [{"key": "token", "value": "abc123", "type": "secret"}]}}"#
        #expect(Set(lint(environment, file: "e.postman_environment.json").map(\.id)) == ["secret-value-committed"])
    }

    @Test func utf16FilesAreNamedAsSuch() {
        let text = #"{"info": {}}"#
        var littleEndian: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { littleEndian += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let diagnostics = Linter().lint(file: "c.postman_collection.json", bytes: littleEndian)
        #expect(diagnostics.map(\.id) == ["json-encoding"])
        #expect(diagnostics.first?.message.contains("UTF-16 (little-endian)") == true)
        var bigEndianNoMark: [UInt8] = []
        for unit in text.utf16 { bigEndianNoMark += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(
            Linter().lint(file: "c.postman_collection.json", bytes: bigEndianNoMark).first?.message.contains(
                "big-endian") == true)
    }

    @Test func aFileNamedLikeAPostmanFileThatIsNoneIsAnError() {
        let named = lint(#"{"hello": "world"}"#, file: "e.postman_environment.json")
        #expect(named.map(\.id) == ["postman-unknown-file"] && named.first?.severity == .error)
        let list = lint(#"{"hello": "world"}"#, file: "ssl-client-cert-list.json")
        #expect(list.contains { $0.id == "postman-schema" && $0.severity == .error }, "\(list)")
        let other = lint(#"{"hello": "world"}"#, file: "notes.json")
        #expect(other.first?.severity == .warning)
    }

    @Test func locatorsSurviveLineMovesAndInsertedRequests() {
        let linter = Linter()
        let before = #"{\#(Self.info), "item": [{"name": "B", "request": "http://b.example.com"}]}"#
        let after = """
            {
              \(Self.info),
              "item": [
                {"name": "A", "request": "https://a.example.com"},
                {"name": "B", "request": "http://b.example.com"}
              ]
            }
            """
        func locator(_ text: String) -> UInt64? {
            let report = linter.report(file: "c.postman_collection.json", bytes: Array(text.utf8), locators: true)
            return zip(report.diagnostics, report.locators ?? []).first { $0.0.id == "insecure-http" }?.1
        }
        #expect(locator(before) != nil && locator(before) == locator(after))
    }

    @Test func aStringFullOfPEMMarkersStillFindsTheKeyAfterThem() {
        let storm = String(repeating: "-----BEGIN ", count: 20_000) + "-----BEGIN EC PRIVATE KEY-----\\nMHcC"
        let text =
            #"{\#(Self.info), "item": [{"name": "R", "request": {"url": "https://example.com", "body": {"mode": "raw", "raw": "\#(storm)"}}}]}"#
        let keys = Linter(rules: [PrivateKeyRule.self]).lint(file: "c.postman_collection.json", bytes: Array(text.utf8))
        #expect(keys.count == 1)
    }
}
