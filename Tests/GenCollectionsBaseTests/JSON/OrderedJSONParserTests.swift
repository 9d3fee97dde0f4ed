import Foundation
import Testing

@testable import GenCollectionsBase

@Suite struct OrderedJSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try OrderedJSONParser.parse(Data(text.utf8)) }

    @Test func keepsKeyOrderAndValues() throws {
        let value = try parse(#"{"b": [1, -2.5e3, true, null], "a": "x\ty\u00e9\ud83d\ude00\/", "c": {}}"#)
        #expect(value.members?.map(\.key) == ["b", "a", "c"])
        #expect(value["b"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .null]))
        #expect(value["a"] == .string("x\tyé😀/"))
        #expect(try parse("\u{FEFF}[]") == .array([]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", "1:9: expected a quoted key"),
        ("{\"a\": 1, \"a\": 2}", "1:13: duplicate key \"a\""),
        ("[01]", "1:3: expected ',' or ']' in an array"),
        ("\"abc", "1:5: unterminated string"),
        ("{\n  \"a\": tru\n}", "2:8: invalid literal, expected 'true'"),
        ("[1] x", "1:5: unexpected text after the JSON value"),
        ("\"a\nb\"", "1:3: control character in a string; escape it"),
        ("", "1:1: unexpected end of the document"),
        ("[\"\\x\"]", "1:3: invalid escape '\\x'"),
    ])
    func rejectsInvalidJSON(_ text: String, _ message: String) {
        do {
            _ = try parse(text)
            Issue.record("parsed invalid JSON: \(text)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    @Test func boundsNesting() {
        #expect(throws: OrderedJSONParser.SyntaxError.self) { try parse(String(repeating: "[", count: 10_000)) }
    }
}
