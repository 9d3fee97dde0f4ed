import Testing
@testable import GenCollectionsLint

/// `UnknownDynamicVariableRule` against its passing and failing examples.
struct UnknownDynamicVariableRuleTests {
    @Test func examples() {
        verifyRule(UnknownDynamicVariableRule.self)
    }
}
