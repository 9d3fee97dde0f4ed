import Testing
@testable import GenCollectionsLint

/// `MissingTestScriptRule` against its passing and failing examples.
struct MissingTestScriptRuleTests {
    @Test func examples() {
        verifyRule(MissingTestScriptRule.self)
    }
}
