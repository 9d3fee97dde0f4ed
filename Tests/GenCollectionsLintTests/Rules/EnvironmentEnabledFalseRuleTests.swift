import Testing
@testable import GenCollectionsLint

/// `EnvironmentEnabledFalseRule` against its passing and failing examples.
struct EnvironmentEnabledFalseRuleTests {
    @Test func examples() {
        verifyRule(EnvironmentEnabledFalseRule.self)
    }
}
