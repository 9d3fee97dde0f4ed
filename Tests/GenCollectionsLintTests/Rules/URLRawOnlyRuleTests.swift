import Testing
@testable import GenCollectionsLint

/// `URLRawOnlyRule` against its passing and failing examples.
struct URLRawOnlyRuleTests {
    @Test func examples() {
        verifyRule(URLRawOnlyRule.self)
    }
}
