import Testing
@testable import GenCollectionsLint

/// The raw-body prefilter: a case-insensitive search for the secret words' distinctive parts, within a range.
struct SecretHeuristicsTests {
    @Test(arguments: [
        ("clientSecret", true), ("ACCESS_TOKEN", true), ("x-Api_Key", true), ("userPassword", true),
        ("client_assertion", true), ("myPrivateKey", true), ("SigningKey", true), ("credentials", true),
        ("InstructionIdentification", false), ("Amount", false), ("apiKe", false), ("tokn", false),
        ("secre", false), ("pass", false),
    ])
    func findsSecretWordsAnywhereInAName(name: String, expected: Bool) {
        let bytes = Array(name.utf8)
        #expect(bytes.withUnsafeBufferPointer { SecretHeuristics.mayBeSecretName($0, 0..<bytes.count) } == expected)
    }

    @Test func looksOnlyInsideTheRange() {
        let bytes = Array(#""Amount": 1, "token": 2"#.utf8)
        let amount = 1..<7, token = 14..<19
        bytes.withUnsafeBufferPointer { buffer in
            #expect(!SecretHeuristics.mayBeSecretName(buffer, amount))
            #expect(SecretHeuristics.mayBeSecretName(buffer, token))
            #expect(!SecretHeuristics.mayBeSecretName(buffer, token.lowerBound..<(token.upperBound - 1)))
        }
    }
}
