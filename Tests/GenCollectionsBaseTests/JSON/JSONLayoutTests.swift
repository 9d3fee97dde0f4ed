import Foundation
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsBase

/// The two layouts of the one writer: the generator's canonical one and the Postman app's.
@Suite struct JSONLayoutTests {
    static let value = JSONValue.object([
        ("name", .string("Payments \"GBP\" \\ / \u{2028} \u{1B} é")),
        ("values", .array([.number("1.50"), .bool(true), .null])),
        ("empty", .object([])), ("none", .array([])),
        ("b", .object([("z", .number("1")), ("a", .number("2"))])),
    ])

    @Test func canonicalSortsKeysAndWritesAsJSONEncoder() {
        let text = String(decoding: Self.value.data(.canonical), as: UTF8.self)
        #expect(
            text == """
                {
                  "b" : {
                    "a" : 2,
                    "z" : 1
                  },
                  "empty" : {

                  },
                  "name" : "Payments \\"GBP\\" \\\\ / \u{2028} \\u001b é",
                  "none" : [

                  ],
                  "values" : [
                    1.50,
                    true,
                    null
                  ]
                }

                """)
    }

    @Test func postmanKeepsOrderAndIndentsWithTabs() {
        let text = String(decoding: Self.value.data(.postman, finalNewline: false), as: UTF8.self)
        #expect(
            text == """
                {
                \t"name": "Payments \\"GBP\\" \\\\ / \u{2028} \\u001b é",
                \t"values": [
                \t\t1.50,
                \t\ttrue,
                \t\tnull
                \t],
                \t"empty": {},
                \t"none": [],
                \t"b": {
                \t\t"z": 1,
                \t\t"a": 2
                \t}
                }
                """)
    }

    @Test func quotedStringsUseTheWritersEscapes() throws {
        // Control characters, quotes, backslashes, slashes, line separators next to escapes and at the end.
        let text = String((0..<0x20).map { Character(Unicode.Scalar($0)!) }) + "\"\\/\u{2028}\n\u{2029}é𝄞\u{2028}"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let asEncoded = String(decoding: try encoder.encode(text), as: UTF8.self)
        #expect(JSONValue.quoted(text, escapingLineSeparators: false) == asEncoded)
        #expect(
            JSONValue.quoted(text)
                == asEncoded.replacing("\u{2028}", with: "\\u2028").replacing("\u{2029}", with: "\\u2029"))
        #expect(JSONValue.quoted("") == "\"\"")
    }

    /// The writer skips eight bytes at a time when none may start an escape: every byte value, at every place in
    /// the word, among fillers that never do, must be seen, and no other byte.
    @Test(arguments: [0x41, 0x7F, 0x80, 0xFF, 0xE1] as [UInt8])
    func theEightByteTestSeesEveryByteThatMayBeEscaped(filler: UInt8) {
        for byte in 0...UInt8.max {
            for place in 0..<8 {
                var word = [UInt8](repeating: filler, count: 8)
                word[place] = byte
                let value = word.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let special = byte < 0x20 || byte == 0x22 || byte == 0x5C
                #expect(JSONBytes.mayNeedEscape(value, lineSeparators: false) == special, "\(byte) at \(place)")
                #expect(JSONBytes.mayNeedEscape(value, lineSeparators: true) == (special || byte == 0xE2))
            }
        }
    }

    @Test func escapesAreFoundAtEveryOffsetOfALongString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\u{2028}", "\u{2029}", "é", "\u{7F}", "\u{2027}"] {
            for offset in 0..<20 {
                let text = String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset)
                let asEncoded = String(decoding: try encoder.encode(text), as: UTF8.self)
                #expect(JSONValue.quoted(text, escapingLineSeparators: false) == asEncoded)
                #expect(
                    JSONValue.quoted(text)
                        == asEncoded.replacing("\u{2028}", with: "\\u2028").replacing("\u{2029}", with: "\\u2029"))
            }
        }
    }

    @Test func layoutIsRecognised() {
        #expect(JSONLayout.of(Self.value.data(.postman)) == .postman)
        #expect(JSONLayout.of(Self.value.data(.canonical)) == .canonical)
        #expect(JSONLayout.of(Array("\u{FEFF}{\n\t\"a\": 1\n}".utf8)) == .postman)
        #expect(JSONLayout.of(Array("{}".utf8)) == .canonical)
    }

    /// Every collection and environment the project holds, laid out by JavaScript's own
    /// `JSON.stringify(JSON.parse(text), null, "\t")` (what the app writes), reads and writes back byte for byte.
    @Test(.enabled(if: Shell.has("node"), "needs node"))
    func postmanLayoutIsJSONStringifyByteForByte() throws {
        let files = try FileManager.default.subpathsOfDirectory(atPath: PackagePaths.root.path)
            .filter {
                !$0.hasPrefix(".build") && ($0.hasSuffix("_collection.json") || $0.hasSuffix("_environment.json"))
            }
            .sorted()
        #expect(files.count > 10)
        let program = """
            const fs = require("fs");
            for (const file of process.argv.slice(1)) {
              try { fs.writeFileSync(file + ".app", JSON.stringify(JSON.parse(fs.readFileSync(file, "utf8")), null, "\\t")); }
              catch (e) { }
            }
            """
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var copies: [String: URL] = [:]
        for (index, file) in files.enumerated() {
            let copy = scratch.appendingPathComponent("\(index).json")
            try FileManager.default.copyItem(at: PackagePaths.root.appendingPathComponent(file), to: copy)
            copies[file] = copy
        }
        let run = Shell.run("/usr/bin/env", ["node", "-e", program] + files.map { copies[$0]!.path })
        #expect(run.status == 0, "\(run.error)")
        var compared = 0
        for file in files {
            guard let app = try? Data(contentsOf: copies[file]!.appendingPathExtension("app")),
                let value = try? JSONValue(json: app)
            else { continue }  // not JSON the tool reads (the hostile fixtures): JavaScript may still accept it
            #expect(value.data(.postman, finalNewline: false) == app, "\(file)")
            compared += 1
        }
        #expect(compared > 10)
    }
}
