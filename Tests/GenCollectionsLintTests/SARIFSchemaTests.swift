import Foundation
import GenCollectionsBase
import Testing
@testable import GenCollectionsLint

/// SARIF output validated against the official SARIF 2.1.0 schema (vendored in `Fixtures/SARIF`, see its
/// `SOURCE.md`) with Python's `jsonschema` Draft 4 validator, and JUnit output parsed by a strict XML parser
/// (Python's expat-based `xml.dom.minidom`), both with hostile messages. Skipped when python3 or jsonschema is
/// missing.
@Suite(.enabled(if: SchemaPython.hasJSONSchema, "needs python3 with jsonschema"))
struct ReporterValidityTests {
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/SARIF/sarif-schema-2.1.0.json")

    /// Messages with every kind of character that breaks naive writers.
    static let hostile: LintResult = {
        let messages = [
            "control \u{1}\u{2}\u{7}\u{8}\u{B}\u{C}\u{1B}\u{1F} characters", "quotes \" ' and <tags> & ampersands ]]>",
            "newlines\r\nand\ttabs", "non-characters \u{FFFE}\u{FFFF} and emoji 🏦", "NUL \u{0} byte", "",
        ]
        let diagnostics = messages.enumerated().map { index, message in
            Diagnostic(
                index % 2 == 0 ? .error : .warning, id: index == 0 ? "hardcoded-secret" : "json-syntax", message,
                at: SourceLocation(file: "dir with space/ü\u{1}.postman_collection.json", line: index + 1, column: 3),
                hint: "hint with \u{1} and \"quotes\"")
        }
        return LintResult(files: ["dir with space/ü\u{1}.postman_collection.json"], diagnostics: diagnostics)
    }()

    @Test func sarifValidatesAgainstTheOfficialSchema() throws {
        let options = ReportOptions(failOn: .error, rules: RuleRegistry.metadata, repositoryRoot: "/repo")
        let sarif = SARIFReporter.report(Self.hostile, options: options)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            log = json.load(sys.stdin)
            validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
            errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
            for error in errors[:5]:
                print("invalid:", list(error.path), error.message[:200])
            print("valid" if not errors else "")
            """
        let verdict = try SchemaPython.run(["-c", script, Self.schema.path], input: sarif).output
        #expect(verdict.hasPrefix("valid"), "\(verdict)")
        // The fields GitHub code scanning reads.
        #expect(sarif.contains("\"columnKind\" : \"unicodeCodePoints\""))
        #expect(sarif.contains("\"uriBaseId\" : \"%SRCROOT%\""))
    }

    @Test func junitIsWellFormedXMLWhateverTheMessages() throws {
        let xml = JUnitReporter.report(Self.hostile, options: ReportOptions(failOn: .error))
        let script = """
            import sys, xml.dom.minidom
            document = xml.dom.minidom.parseString(sys.stdin.buffer.read())
            cases = document.getElementsByTagName("testcase")
            failures = document.getElementsByTagName("failure")
            print("ok", len(cases), len(failures), document.documentElement.getAttribute("failures"))
            """
        let verdict = try SchemaPython.run(["-c", script], input: xml).output
        #expect(verdict.hasPrefix("ok 6 3 3"), "\(verdict)\n\(xml)")
    }
}
