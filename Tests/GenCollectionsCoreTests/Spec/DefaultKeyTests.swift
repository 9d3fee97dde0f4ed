import Testing

@testable import GenCollectionsCore

/// A flow or step without a `key` gets one from its name; ASCII names take a byte-by-byte path that must give the
/// key the character-by-character one gives.
struct DefaultKeyTests {
    @Test(arguments: [
        ("Get account balances", "get-account-balances"),
        ("  --Create  consent!! ", "create-consent"),
        ("Step 0-12", "step-0-12"),
        ("line\r\nbreak", "line-break"),
        ("Café au lait", "café-au-lait"),
        ("ÉTAPE Ⅳ", "étape-ⅳ"),
        ("!!!", ""),
        ("", ""),
    ])
    func keysAreSlugsOfTheName(_ name: String, _ key: String) {
        #expect(Spec.defaultKey(for: name) == key)
    }

    @Test func asciiNamesGetTheKeyOfTheCharacterPath() {
        // Every ASCII byte alone, then seeded random names over all 128 of them.
        var names = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 24) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 57))
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            names.append(String(decoding: bytes, as: UTF8.self))
        }
        for name in names {
            #expect(Spec.asciiKey(for: name) == Spec.characterKey(for: name), "\(Array(name.utf8))")
        }
    }
}
