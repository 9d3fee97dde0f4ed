import Testing
@testable import GenCollectionsLint

/// `UnusedVariableRule` against its passing and failing examples.
struct UnusedVariableRuleTests {
    @Test func examples() {
        verifyRule(UnusedVariableRule.self)
    }
}
