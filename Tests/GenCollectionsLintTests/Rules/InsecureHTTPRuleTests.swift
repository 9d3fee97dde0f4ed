import Testing
@testable import GenCollectionsLint

/// `InsecureHTTPRule` against its passing and failing examples.
struct InsecureHTTPRuleTests {
    @Test func examples() {
        verifyRule(InsecureHTTPRule.self)
    }
}
