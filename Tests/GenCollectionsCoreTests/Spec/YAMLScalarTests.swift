import Foundation
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// How YAML scalars become JSON in bodies, claims and `equals` values: the YAML 1.2 core schema, written as valid
/// JSON (docs/spec-format.md, "Scalars").
@Suite struct YAMLScalarTests {
    /// A spec whose one step sends `{"v": <yaml>}`.
    static func spec(body yaml: String) -> String {
        """
        gen-collections: 1
        name: scalars
        hosts: {api: https://api.example.com}
        flows:
          - name: F
            steps:
              - name: S
                method: POST
                url: "{{api}}/x"
                body:
                  json: {v: \(yaml)}
        """
    }

    static func body(_ yaml: String) throws -> (json: String, warnings: [Diagnostic]) {
        let (spec, warnings) = try SpecLoader.load(spec(body: yaml), file: "s.yaml")
        guard case let .json(located)? = spec.flows.first?.steps.first?.body else {
            Issue.record("no JSON body")
            return ("", warnings)
        }
        return (located.value["v"]?.rendered(indent: nil) ?? "", warnings)
    }

    @Test(arguments: [
        // YAML 1.1 and 1.2 spellings of numbers, as JSON.
        ("0x1F", "31"), ("0o17", "15"), ("010", "10"), ("+1", "1"), ("-0", "-0"), ("007", "7"),
        (".5", "0.5"), ("5.", "5.0"), ("-.5e3", "-0.5e3"), ("+1.5E+2", "1.5E+2"), ("1e400", "1e400"),
        ("12345678901234567890123", "12345678901234567890123"),
        // Booleans and null of the core schema.
        ("true", "true"), ("False", "false"), ("TRUE", "true"), ("~", "null"), ("null", "null"), ("NULL", "null"),
        // What YAML 1.2 reads as text.
        ("1_000", "\"1_000\""), ("12:30", "\"12:30\""), ("0b101", "\"0b101\""), ("yes", "\"yes\""),
        ("off", "\"off\""), ("0x", "\"0x\""), ("1.2.3", "\"1.2.3\""), ("-", "\"-\""), ("-.nan", "\"-.nan\""),
        // Quoted and tagged scalars.
        ("\"0x1F\"", "\"0x1F\""), ("'12'", "\"12\""), ("!!str 12", "\"12\""), ("!!float 1", "1"),
    ])
    func scalarBecomesJSON(_ yaml: String, _ json: String) throws {
        #expect(try Self.body(yaml).json == json)
    }

    @Test func everyNumberIsValidJSON() throws {
        for yaml in ["0x1F", "0o17", "010", "1_000", "12:30", ".5", "5.", "+1", "-.5e3", "0x0", "0o0"] {
            let rendered = try Self.body(yaml).json
            #expect(throws: Never.self, "\(yaml) → \(rendered)") {
                try JSONSerialization.jsonObject(with: Data("[\(rendered)]".utf8))
            }
        }
    }

    @Test(arguments: [
        ("yes", "'yes' is the string \"yes\" (YAML 1.2), not a boolean as in YAML 1.1; quote it to say it is text"),
        (
            "1_000",
            "'1_000' is the string \"1_000\" (YAML 1.2), not a number as in YAML 1.1; quote it to say it is text"
        ),
        ("010", "'010' is the number 10 (YAML 1.2), not an octal as in YAML 1.1"),
    ])
    func yaml11SpellingsWarn(_ yaml: String, _ message: String) throws {
        let warnings = try Self.body(yaml).warnings
        #expect(warnings.map(\.message) == [message])
        #expect(warnings.first?.id == "spec-yaml11-scalar")
        #expect(warnings.first?.location?.line == 11)
    }

    @Test(arguments: [
        (".inf", "'.inf' is a YAML float that JSON cannot hold"),
        ("-.Inf", "'-.Inf' is a YAML float that JSON cannot hold"),
        (".nan", "'.nan' is a YAML float that JSON cannot hold"),
        ("0x1FFFFFFFFFFFFFFFFF", "'0x1FFFFFFFFFFFFFFFFF' is too large for a JSON number"),
        ("!!int abc", "'abc' is not a YAML int"),
        ("!custom 1", "the YAML tag '!custom' is not supported here"),
    ])
    func scalarWithoutJSONValueIsAnError(_ yaml: String, _ message: String) throws {
        let error = try #require(throws: DiagnosticsError.self) { try Self.body(yaml) }
        #expect(error.diagnostics.map(\.message) == [message])
        #expect(error.diagnostics.first?.location?.line == 11)
        #expect(error.diagnostics.first?.hint == "quote it to send it as text")
    }

    @Test func nonStringKeyIsAnError() throws {
        let error = try #require(throws: DiagnosticsError.self) { try Self.body("{[1, 2]: x}") }
        #expect(error.diagnostics.map(\.message) == ["keys of a JSON value must be strings, found a list"])
    }

    @Test func booleanFieldsTakeOnlyTrueAndFalse() throws {
        let text = Self.spec(body: "1").replacingOccurrences(
            of: "method: POST", with: "method: POST\n        followRedirects: yes")
        let error = try #require(throws: DiagnosticsError.self) { try SpecLoader.load(text, file: "s.yaml") }
        #expect(error.diagnostics.map(\.message) == ["'followRedirects' must be true or false, found 'yes'"])
    }
}
