import Testing
@testable import GenCollectionsLint

/// `CertificatePortRule` against its passing and failing examples.
struct CertificatePortRuleTests {
    @Test func examples() {
        verifyRule(CertificatePortRule.self)
    }
}
