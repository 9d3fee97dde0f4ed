import Testing

@testable import GenCollectionsCore

/// Paths such as `Data.Account[0].AccountId`; ASCII text is parsed over its bytes, other text by characters, and
/// both must read every path alike.
struct JSONPathTests {
    @Test func pathsSplitIntoKeysAndIndexes() throws {
        let path = try #require(JSONPath("Data.Account[0][12].AccountId"))
        #expect(path.segments == [.key("Data"), .key("Account"), .index(0), .index(12), .key("AccountId")])
        #expect(path.description == "Data.Account[0][12].AccountId")
        #expect(path.javaScriptArray == #"["Data", "Account", 0, 12, "AccountId"]"#)
        #expect(JSONPath("Données.Montant")?.segments == [.key("Données"), .key("Montant")])
        #expect(JSONPath("[3]")?.segments == [.index(3)])
    }

    @Test(arguments: ["", ".", "a.", ".a", "a..b", "a[", "a[]", "a[x]", "a[-1]", "a[0]b", "é.", "é[x]"])
    func malformedPathsAreRefused(_ text: String) {
        #expect(JSONPath(text) == nil)
    }

    @Test func asciiPathsParseAsByCharacters() {
        // Seeded random texts over the bytes that matter to the grammar, and a few that do not.
        let alphabet = Array("ab.[]019+- \r\n".utf8)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(JSONPath.asciiSegments(bytes) == JSONPath.segments(text), "\(text.debugDescription)")
        }
    }
}
