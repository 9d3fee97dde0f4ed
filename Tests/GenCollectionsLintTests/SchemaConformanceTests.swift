import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsLint

/// The official schema, vendored in Tests/Fixtures/Postman.
private let officialSchema = PackagePaths.postmanCollectionSchema

/// `postman-schema` (with `legacy-auth-shape`) is at least as strict as the official v2.1.0 schema: every case the
/// schema rejects gets an error, and cases it accepts get none from these rules. The schema verdict comes from
/// Python's `jsonschema` (skipped when it is not installed).
@Suite(
    .enabled(
        if: SchemaPython.hasJSONSchema,
        "needs python3 with jsonschema (apt-get install python3-jsonschema, or pip install jsonschema)"))
struct SchemaConformanceTests {
    static func python(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        try SchemaPython.run(arguments, input: input)
    }

    static let schema = officialSchema

    static let info =
        #""info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}"#

    static func collection(_ items: String, extra: String = "") -> String { "{\(info), \(extra)\"item\": \(items)}" }

    static let cases: [(String, String)] = [
        (
            "valid",
            collection(
                #"[{"name": "F", "item": [{"name": "R", "request": {"method": "GET", "header": [{"key": "a", "value": "b"}], "url": {"raw": "https://x.com/a?q=1", "protocol": "https", "host": ["x", "com"], "path": ["a"], "query": [{"key": "q", "value": "1"}]}, "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{t}}", "type": "string"}]}}, "event": [{"listen": "test", "script": {"exec": ["1"], "type": "text/javascript"}}], "response": []}]}]"#
            )
        ),
        (
            "valid-string-request",
            collection(
                #"[{"name": "R", "request": "https://x.com"}]"#,
                extra: #""variable": [{"key": "a", "value": "1", "type": "string"}], "#)
        ),
        ("missing-schema", #"{"info": {"name": "C"}, "item": []}"#),
        ("missing-name", #"{"info": {"schema": "s"}, "item": []}"#),
        ("missing-item", "{\(info)}"),
        (
            "header-number",
            collection(#"[{"name": "R", "request": {"url": "https://x.com", "header": [{"key": "a", "value": 1}]}}]"#)
        ),
        (
            "header-no-key",
            collection(#"[{"name": "R", "request": {"url": "https://x.com", "header": [{"value": "b"}]}}]"#)
        ),
        ("neither", collection(#"[{"name": "R"}]"#)),
        ("both", collection(#"[{"name": "R", "request": "https://x.com", "item": []}]"#)),
        ("body-mode", collection(#"[{"name": "R", "request": {"url": "https://x.com", "body": {"mode": "json"}}}]"#)),
        ("auth-type", collection(#"[{"name": "R", "request": {"url": "https://x.com", "auth": {"type": "jwt"}}}]"#)),
        (
            "auth-v20-shape",
            collection(
                #"[{"name": "R", "request": {"url": "https://x.com", "auth": {"type": "bearer", "bearer": {"token": "t"}}}}]"#
            )
        ),
        (
            "query-disabled",
            collection(
                #"[{"name": "R", "request": {"url": {"raw": "x", "query": [{"key": "a", "value": "b", "disabled": "yes"}]}}}]"#
            )
        ),
        (
            "event-no-listen",
            collection(#"[{"name": "R", "request": "https://x.com", "event": [{"script": {"exec": ["x"]}}]}]"#)
        ),
        ("variable-type", collection("[]", extra: #""variable": [{"key": "a", "value": "1", "type": "text"}], "#)),
        ("host-number", collection(#"[{"name": "R", "request": {"url": {"raw": "x", "host": 5}}}]"#)),
        (
            "exec-number",
            collection(
                #"[{"name": "R", "request": "https://x.com", "event": [{"listen": "test", "script": {"exec": [1]}}]}]"#)
        ),
        ("response-object", collection(#"[{"name": "R", "request": "https://x.com", "response": {}}]"#)),
        ("method-number", collection(#"[{"name": "R", "request": {"url": "https://x.com", "method": 1}}]"#)),
        ("name-number", collection(#"[{"name": 1, "request": "https://x.com"}]"#)),
    ]

    static let validate = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        try:
            jsonschema.Draft4Validator(schema).validate(json.load(sys.stdin))
            print("valid")
        except jsonschema.ValidationError as error:
            print("invalid: " + error.message[:200])
        """

    @Test(arguments: cases)
    func atLeastAsStrictAsTheOfficialSchema(name: String, text: String) throws {
        let verdict = try Self.python(["-c", Self.validate, Self.schema.path], input: text).output
        let linter = Linter(rules: [PostmanSchemaRule.self, LegacyAuthShapeRule.self])
        let errors = linter.lint(file: "\(name).postman_collection.json", bytes: Array(text.utf8)).filter {
            $0.severity == .error
        }
        if verdict.hasPrefix("valid") {
            #expect(errors.isEmpty, "\(name): the schema accepts it, the linter reports \(errors)")
        } else {
            #expect(verdict.hasPrefix("invalid"), "\(name): python failed: \(verdict)")
            #expect(!errors.isEmpty, "\(name): the schema rejects it (\(verdict)) but the linter reports nothing")
        }
    }
}

/// Runs python3 for the schema verdicts.
enum SchemaPython {
    static var hasJSONSchema: Bool { (try? run(["-c", "import jsonschema"]).status) == 0 }

    static func run(_ arguments: [String], input: String = "") throws -> (status: Int32, output: String) {
        let run = Shell.run("/usr/bin/env", ["python3"] + arguments, input: Data(input.utf8))
        return (run.status, run.output + run.error)
    }
}
