import Testing
@testable import GenCollectionsLint

/// `DuplicateVariableRule` against its passing and failing examples.
struct DuplicateVariableRuleTests {
    @Test func examples() {
        verifyRule(DuplicateVariableRule.self)
    }
}
