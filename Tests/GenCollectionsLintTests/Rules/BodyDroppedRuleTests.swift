import Testing
@testable import GenCollectionsLint

/// `BodyDroppedRule` against its passing and failing examples.
struct BodyDroppedRuleTests {
    @Test func examples() {
        verifyRule(BodyDroppedRule.self)
    }
}
