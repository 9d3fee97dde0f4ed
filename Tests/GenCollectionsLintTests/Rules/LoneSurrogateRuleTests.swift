import Testing
@testable import GenCollectionsLint

/// `LoneSurrogateRule` against its passing and failing examples.
struct LoneSurrogateRuleTests {
    @Test func examples() {
        verifyRule(LoneSurrogateRule.self)
    }
}
