import Testing
@testable import GenCollectionsLint

/// `JWSSignatureRule` against its passing and failing examples.
struct JWSSignatureRuleTests {
    @Test func examples() {
        verifyRule(JWSSignatureRule.self)
    }
}
