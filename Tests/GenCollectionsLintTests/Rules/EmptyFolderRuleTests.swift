import Testing
@testable import GenCollectionsLint

/// `EmptyFolderRule` against its passing and failing examples.
struct EmptyFolderRuleTests {
    @Test func examples() {
        verifyRule(EmptyFolderRule.self)
    }
}
