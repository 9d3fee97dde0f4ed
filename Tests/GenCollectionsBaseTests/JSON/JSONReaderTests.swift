import Testing
@testable import GenCollectionsBase

/// The reader accepts exactly RFC 8259 JSON and reports the first bad byte with its line and column.
struct JSONReaderTests {
    @Test(arguments: [
        ("{\"a\": [1, 2,]}", "1:12", "trailing comma before ']' (newman rejects it)"),
        ("{\"a\": 1,\n}", "1:8", "trailing comma before '}' (newman rejects it)"),
        ("// hi\n{}", "1:1", "comments are not allowed in JSON"),
        ("{\"a\": 01}", "1:7", "numbers cannot have leading zeros"),
        ("{'a': 1}", "1:2", "keys must use double quotes"),
        ("[\"\\x\"]", "1:3", "invalid escape '\\x' in a string"),
        ("[\"\\u12\"]", "1:3", "invalid unicode escape: '\\u' needs four hex digits"),
        ("[\"a\tb\"]", "1:4", "unescaped control character tab in a string"),
        ("{\n\t\"a\": tru}", "2:7", "unexpected 't', expected a value"),
        ("[1] [2]", "1:5", "unexpected '[' after the end of the JSON value"),
        ("[1.]", "1:4", "a number needs a digit after '.'"),
        ("[-]", "1:3", "a number needs a digit after '-'"),
        ("[1e]", "1:4", "a number needs a digit in its exponent"),
        ("{\"a\" 1}", "1:6", "unexpected '1', expected ':'"),
        ("[\"é\", x]", "1:7", "unexpected 'x', expected a value"),
        ("[", "1:2", "unexpected end of input, expected a value"),
        ("\"abc", "1:1", "unterminated string"),
        ("", "1:1", "unexpected end of input, expected a value"),
        ("[NaN]", "1:2", "unexpected 'N', expected a value"),
    ])
    func rejectsWhatNewmanRejects(text: String, position: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(text) }
        do {
            _ = try JSONReader.parse(text)
        } catch let error as JSONSyntaxError {
            #expect(error.position.description == position)
            #expect(error.message == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func rejectsInvalidUTF8() throws {
        for bytes: [UInt8] in [
            [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22],
            [0x22, 0xE2, 0x82, 0x22],
        ] {
            #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(bytes) }
        }
    }

    @Test func acceptsValidJSONAndKeepsNumbersAsText() throws {
        let document = try JSONReader.parse(
            #"{"big": 1e400, "neg": -0.5E+3, "s": "a\"\u00e9\ud83d\ude00\n", "t": true, "n": null}"#)
        #expect(document.numberText(document.member(document.root, "big")!) == "1e400")
        #expect(document.numberText(document.member(document.root, "neg")!) == "-0.5E+3")
        #expect(document.string(document.root, "s") == "a\"é😀\n")
        #expect(document.bool(document.member(document.root, "t")!) == true)
        #expect(document.kind(document.member(document.root, "n")!) == .null)
    }

    @Test func skipsAByteOrderMark() throws {
        let document = try JSONReader.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
        #expect(document.member(document.root, "a") != nil)
    }

    @Test func nestsDeeperThanFoundationWithoutRecursion() throws {
        let depth = 100_000
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let document = try JSONReader.parse(text)
        #expect(document.nodeCount == depth + 1)
        #expect(document.numberText(depth) == "1")
    }

    @Test func mapsNodesToTabIndentedPositionsAndPointers() throws {
        let text = "{\n\t\"item\": [\n\t\t{\"name\": \"é/x\", \"a~b\": 1}\n\t]\n}"
        let document = try JSONReader.parse(text)
        let item = document.member(document.root, "item")!
        let first = document.elements(item)[0]
        let name = document.member(first, "name")!
        #expect(document.position(of: name).description == "3:12")
        #expect(document.position(of: document.member(first, "a~b")!).description == "3:26")
        #expect(document.pointer(of: name) == "/item/0/name")
        #expect(document.pointer(of: document.member(first, "a~b")!) == "/item/0/a~0b")
        #expect(document.node(atPointer: "/item/0/a~0b") == document.member(first, "a~b"))
        #expect(document.node(atPointer: "/item/1") == nil)
        #expect(document.node(atPointer: "") == document.root)
    }

    @Test func positionsOfSortedOffsetsAreThoseFoundOneByOne() throws {
        // Lines of several lengths, multi-byte characters, repeated offsets, empty lines, one past the end.
        let text = "{\n\t\"é\": \"ü✓x\",\n\n\t\"b\": [1, 2,\n\t\t3],   \"c\": \"\\u00e9\"\n}"
        let document = try JSONReader.parse(text)
        let offsets = Array(0...document.bytes.count) + [3, 3, 9, document.bytes.count]
        let sorted = offsets.sorted()
        #expect(document.positions(ofSorted: sorted) == sorted.map { document.position(ofOffset: $0) })
        #expect(document.positions(ofSorted: [40]) == [document.position(ofOffset: 40)])
        #expect(document.positions(ofSorted: []).isEmpty)
    }

    @Test func lastDuplicateKeyWinsLikeJavaScript() throws {
        let document = try JSONReader.parse(#"{"a": 1, "a": 2}"#)
        #expect(document.numberText(document.member(document.root, "a")!) == "2")
        #expect(document.key(of: document.member(document.root, "a")!) == 3)
    }

    /// Objects of up to 32 members are scanned and larger ones indexed: both answer alike, repeats and escaped
    /// keys included, whatever the size of the members' values (two members are added to `members`).
    @Test(arguments: [3, 30, 31, 200])
    func memberLookupIsTheSameForSmallAndLargeObjects(members: Int) throws {
        var pairs = (0..<members).map { #""k\#($0)": {"nested": [1, 2, 3, {"deep": true}]}"# }
        pairs += [#""k0": "repeated""#, #""\u006bey": "escaped""#]
        let document = try JSONReader.parse("{" + pairs.joined(separator: ", ") + "}")
        let root = document.root
        #expect(document.string(document.member(root, "k0")!) == "repeated")
        #expect(document.string(document.member(root, "key")!) == "escaped")
        #expect(document.kind(document.member(root, "k\(members - 1)")!) == .object)
        #expect(document.member(root, "k\(members)") == nil)
        #expect(document.member(document.member(root, "k1") ?? root, "nested").map(document.kind) == .array)
    }
}
