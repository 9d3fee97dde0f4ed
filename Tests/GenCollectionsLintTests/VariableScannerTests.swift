import Testing
@testable import GenCollectionsLint

/// `{{name}}` tokens as Newman finds them (`{{([^{}]*?)}}`), at the edges of a string and among JSON braces.
struct VariableScannerTests {
    @Test(arguments: [
        ("{{a}}", ["a"]), ("{{}}", [""]), ("x{{a}}", ["a"]), ("{{a}}x", ["a"]), ("{{a}", []), ("{a}}", []),
        ("{\"id\": \"{{id}}\", \"n\": {\"m\": 1}}", ["id"]), ("{{{a}}}", ["a"]), ("{{a}}{{b}}", ["a", "b"]),
        ("{{a b}} {{ c }}", ["a b", " c "]), ("{{base_{{stage}}}}", ["stage"]), ("{ { {{", []),
    ])
    func findsTokens(text: String, names: [String]) {
        #expect(VariableScanner.tokens(in: text).map(\.name) == names)
    }

    @Test func tokenOffsetsAndNesting() {
        let uses = VariableScanner.tokens(in: "url {{base_{{stage}}}}/x")
        #expect(uses.map(\.offset) == [11])
        #expect(uses.first?.enclosing == NamePattern(prefix: "base_", suffix: ""))
    }
}
