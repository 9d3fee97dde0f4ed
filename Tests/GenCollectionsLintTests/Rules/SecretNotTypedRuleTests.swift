import Testing
@testable import GenCollectionsLint

/// `SecretNotTypedRule` against its passing and failing examples.
struct SecretNotTypedRuleTests {
    @Test func examples() {
        verifyRule(SecretNotTypedRule.self)
    }
}
