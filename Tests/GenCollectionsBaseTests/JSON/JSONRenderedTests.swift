import Testing
@testable import GenCollectionsBase

/// `rendered(indent:)`: the layout of request bodies, JWT claims and messages. Keys in their order, `": "` with an
/// indent and `":"` without, `[]` and `{}` for empty containers, and the line separators escaped (text from it
/// reaches scripts).
@Suite struct JSONRenderedTests {
    static let value = JSONValue.object([
        ("Data", .object([("Amount", .number("10.50")), ("Tags", .array([.string("a"), .null, .bool(true)]))])),
        ("Empty", .object([])), ("None", .array([])),
        ("Nested", .array([.array([]), .object([("k", .bool(false))])])),
        ("Text", .string("line\u{2028}sep \"quoted\" / é 😀 \u{1}")),
    ])

    @Test func withAnIndentEachMemberHasALine() {
        #expect(
            Self.value.rendered() == """
                {
                  "Data": {
                    "Amount": 10.50,
                    "Tags": [
                      "a",
                      null,
                      true
                    ]
                  },
                  "Empty": {},
                  "None": [],
                  "Nested": [
                    [],
                    {
                      "k": false
                    }
                  ],
                  "Text": "line\\u2028sep \\"quoted\\" / é 😀 \\u0001"
                }
                """)
    }

    @Test func withoutAnIndentItIsCompact() {
        #expect(
            Self.value.rendered(indent: nil)
                == #"{"Data":{"Amount":10.50,"Tags":["a",null,true]},"Empty":{},"None":[],"Nested":[[],{"k":false}],"Text":"line\u2028sep \"quoted\" / é 😀 \u0001"}"#
        )
    }

    @Test func aTabIndentAndScalarsAtTheTop() {
        #expect(
            JSONValue.array([.string("x"), .array([.number("1")])]).rendered(indent: "\t")
                == "[\n\t\"x\",\n\t[\n\t\t1\n\t]\n]")
        #expect(JSONValue.string("s").rendered() == "\"s\"")
        #expect(JSONValue.null.rendered(indent: nil) == "null")
    }
}
