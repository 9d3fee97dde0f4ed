import Testing
@testable import GenCollectionsLint

/// `CertificatePatternRule` against its passing and failing examples.
struct CertificatePatternRuleTests {
    @Test func examples() {
        verifyRule(CertificatePatternRule.self)
    }
}
