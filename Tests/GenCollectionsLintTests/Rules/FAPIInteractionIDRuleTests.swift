import Testing
@testable import GenCollectionsLint

/// `FAPIInteractionIDRule` against its passing and failing examples.
struct FAPIInteractionIDRuleTests {
    @Test func examples() {
        verifyRule(FAPIInteractionIDRule.self)
    }
}
