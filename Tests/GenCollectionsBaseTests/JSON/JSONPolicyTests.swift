import Foundation
import Testing

@testable import GenCollectionsBase

/// The one way every command reads JSON: `JSONReader`'s syntax, then the policy (no repeated key, no lone
/// surrogate), then values in the order written.
@Suite struct JSONPolicyTests {
    func parse(_ text: String) throws -> JSONValue { try JSONValue(json: Data(text.utf8)) }

    func failure(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do {
            _ = try JSONValue(json: bytes)
            return nil
        } catch {
            return error as? JSONSyntaxError
        }
    }

    @Test func keepsKeyOrderAndValuesAsWritten() throws {
        let value = try parse(#"{"b": [1, -2.5e3, 1e400, true, null], "a": "x\ty\u00e9\ud83d\ude00\/", "c": {}}"#)
        #expect(value.members?.map(\.key) == ["b", "a", "c"])
        #expect(value["b"] == .array([.number("1"), .number("-2.5e3"), .number("1e400"), .bool(true), .null]))
        #expect(value["a"] == .string("x\tyé😀/"))
        #expect(try parse("\u{FEFF}[]") == .array([]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:8: trailing comma before '}' (newman rejects it)", "json-syntax"),
        ("{\"a\": 1, \"a\": 2}", "1:10: duplicate key 'a': newman keeps only the last value", "duplicate-key"),
        ("[01]", "1:2: numbers cannot have leading zeros", "json-syntax"),
        ("\"abc", "1:1: unterminated string", "json-syntax"),
        ("[1] x", "1:5: unexpected 'x' after the end of the JSON value", "json-syntax"),
        ("", "1:1: unexpected end of input, expected a value", "json-syntax"),
        (
            "{\"s\": \"a\\ud800b\"}",
            "1:9: lone surrogate '\\ud800' in a string: it is half of a character, which JavaScript keeps and other "
                + "tools replace with U+FFFD", "lone-surrogate"
        ),
        (
            "[\n  \"\\udc00\"]",
            "2:4: lone surrogate '\\udc00' in a string: it is half of a character, which JavaScript keeps and other "
                + "tools replace with U+FFFD", "lone-surrogate"
        ),
    ])
    func rejectsWithPosition(_ text: String, _ message: String, _ id: String) {
        let error = failure(Array(text.utf8))
        #expect(error.map { "\($0)" } == message)
        #expect(error?.id == id)
    }

    @Test func invalidUTF8IsRejectedNotReplaced() {
        let error = failure(Array("{\"a\": \"".utf8) + [0xFF] + Array("\"}".utf8))
        #expect(error.map { "\($0)" } == "1:8: invalid UTF-8 byte 0xFF")
    }

    @Test func keysCompareAsJavaScriptComparesThem() throws {
        // "é" precomposed and "e" + combining acute are one key to Swift's String, two to JavaScript.
        let value = try parse("{\"\u{E9}\": 1, \"e\u{301}\": 2}")
        #expect(value.members?.count == 2)
        // An escaped spelling of the same key is still the same key.
        #expect(failure(Array(#"{"ab": 1, "a\u0062": 2}"#.utf8))?.id == "duplicate-key")
    }

    @Test func escapedBackslashBeforeUIsNotAnEscape() throws {
        #expect(try parse(#"["\\ud800"]"#) == .array([.string("\\ud800")]))
    }

    @Test func boundsNestingOfValues() {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        #expect(failure(Array(deep.utf8)).map { "\($0)" } == "1:513: nested deeper than 512 levels")
        // The reader itself has no depth limit: lint reads such a file and reports on it.
        #expect((try? JSONReader.parse(deep)) != nil)
    }

    @Test func everyViolationIsListedInOrder() throws {
        let document = try JSONReader.parse(#"{"a": "\udfff", "a": {"b": 1, "b": 2}}"#)
        #expect(document.policyViolations().map(\.id) == ["lone-surrogate", "duplicate-key", "duplicate-key"])
    }
}
