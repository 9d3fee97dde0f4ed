import Testing
@testable import GenCollectionsLint

/// `HardcodedSecretRule` against its passing and failing examples.
struct HardcodedSecretRuleTests {
    @Test func examples() {
        verifyRule(HardcodedSecretRule.self)
    }
}
