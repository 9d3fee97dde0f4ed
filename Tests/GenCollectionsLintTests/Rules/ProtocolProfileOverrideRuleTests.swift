import Testing
@testable import GenCollectionsLint

/// `ProtocolProfileOverrideRule` against its passing and failing examples.
struct ProtocolProfileOverrideRuleTests {
    @Test func examples() {
        verifyRule(ProtocolProfileOverrideRule.self)
    }
}
