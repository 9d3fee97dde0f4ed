import Testing
@testable import GenCollectionsLint

/// `OAuth2AccessTokenRule` against its passing and failing examples.
struct OAuth2AccessTokenRuleTests {
    @Test func examples() {
        verifyRule(OAuth2AccessTokenRule.self)
    }
}
