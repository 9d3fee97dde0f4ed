import Testing
@testable import GenCollectionsLint

/// `DisabledVariableReferencedRule` against its passing and failing examples.
struct DisabledVariableReferencedRuleTests {
    @Test func examples() {
        verifyRule(DisabledVariableReferencedRule.self)
    }
}
