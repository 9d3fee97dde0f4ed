import Testing
@testable import GenCollectionsLint

/// `SecretValueCommittedRule` against its passing and failing examples.
struct SecretValueCommittedRuleTests {
    @Test func examples() {
        verifyRule(SecretValueCommittedRule.self)
    }
}
