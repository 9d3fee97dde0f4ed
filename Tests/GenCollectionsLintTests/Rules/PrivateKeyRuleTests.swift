import Testing
@testable import GenCollectionsLint

/// `PrivateKeyRule` against its passing and failing examples.
struct PrivateKeyRuleTests {
    @Test func examples() {
        verifyRule(PrivateKeyRule.self)
    }
}
