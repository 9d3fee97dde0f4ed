import Testing
@testable import GenCollectionsLint

/// `DuplicateNameRule` against its passing and failing examples.
struct DuplicateNameRuleTests {
    @Test func examples() {
        verifyRule(DuplicateNameRule.self)
    }
}
