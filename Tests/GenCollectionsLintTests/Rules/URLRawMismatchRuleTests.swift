import Testing
@testable import GenCollectionsLint

/// `URLRawMismatchRule` against its passing and failing examples.
struct URLRawMismatchRuleTests {
    @Test func examples() {
        verifyRule(URLRawMismatchRule.self)
    }
}
