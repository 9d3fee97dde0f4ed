import Testing
@testable import GenCollectionsLint

/// `CertificateShadowedRule` against its passing and failing examples.
struct CertificateShadowedRuleTests {
    @Test func examples() {
        verifyRule(CertificateShadowedRule.self)
    }
}
