import Testing
@testable import GenCollectionsLint

/// `PostmanSchemaRule` against its passing and failing examples.
struct PostmanSchemaRuleTests {
    @Test func examples() {
        verifyRule(PostmanSchemaRule.self)
    }
}
