import Testing
@testable import GenCollectionsLint

/// `IdempotencyKeyRule` against its passing and failing examples.
struct IdempotencyKeyRuleTests {
    @Test func examples() {
        verifyRule(IdempotencyKeyRule.self)
    }
}
