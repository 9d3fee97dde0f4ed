import Testing
@testable import GenCollectionsLint

/// `RemoteCodeRule` against its passing and failing examples.
struct RemoteCodeRuleTests {
    @Test func examples() {
        verifyRule(RemoteCodeRule.self)
    }
}
