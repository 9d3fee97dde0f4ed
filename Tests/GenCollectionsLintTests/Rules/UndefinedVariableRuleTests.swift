import Testing
@testable import GenCollectionsLint

/// `UndefinedVariableRule` against its passing and failing examples.
struct UndefinedVariableRuleTests {
    @Test func examples() {
        verifyRule(UndefinedVariableRule.self)
    }
}
