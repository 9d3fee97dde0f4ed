import Testing
@testable import GenCollectionsLint

/// `PostmanStructureRule` against its passing and failing examples.
struct PostmanStructureRuleTests {
    @Test func examples() {
        verifyRule(PostmanStructureRule.self)
    }
}
