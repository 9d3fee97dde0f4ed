import Testing
@testable import GenCollectionsLint

/// `DuplicateKeyRule` against its passing and failing examples.
struct DuplicateKeyRuleTests {
    @Test func examples() {
        verifyRule(DuplicateKeyRule.self)
    }
}
