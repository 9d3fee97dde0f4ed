import Testing
@testable import GenCollectionsLint

/// `VariableNameSpacesRule` against its passing and failing examples.
struct VariableNameSpacesRuleTests {
    @Test func examples() {
        verifyRule(VariableNameSpacesRule.self)
    }
}
