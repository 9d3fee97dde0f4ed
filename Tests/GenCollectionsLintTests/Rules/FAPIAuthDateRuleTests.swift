import Testing
@testable import GenCollectionsLint

/// `FAPIAuthDateRule` against its passing and failing examples.
struct FAPIAuthDateRuleTests {
    @Test func examples() {
        verifyRule(FAPIAuthDateRule.self)
    }
}
