import Testing
@testable import GenCollectionsLint

/// `LegacyAuthShapeRule` against its passing and failing examples.
struct LegacyAuthShapeRuleTests {
    @Test func examples() {
        verifyRule(LegacyAuthShapeRule.self)
    }
}
