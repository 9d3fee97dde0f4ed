import Testing
@testable import GenCollectionsLint

/// `NewmanSandboxRule` against its passing and failing examples.
struct NewmanSandboxRuleTests {
    @Test func examples() {
        verifyRule(NewmanSandboxRule.self)
    }
}
