import Testing
@testable import GenCollectionsLint

/// `CertificateFileRule` against its passing and failing examples.
struct CertificateFileRuleTests {
    @Test func examples() {
        verifyRule(CertificateFileRule.self)
    }
}
