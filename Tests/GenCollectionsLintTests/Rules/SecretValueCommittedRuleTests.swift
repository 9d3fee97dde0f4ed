import Testing
@testable import GenCollectionsLint

/// `SecretValueCommittedRule` against its passing and failing examples.
struct SecretValueCommittedRuleTests {
    @Test func examples() {
        verifyRule(SecretValueCommittedRule.self)
    }

    /// `generate --env` writes the helper file's `basicToken` into a 0600 environment: a working copy, not a commit.
    @Test func aFileOnlyItsOwnerCanReadIsNotReported() throws {
        let failing = try #require(SecretValueCommittedRule.description.failing.first)
        let file = "example.postman_environment.json"
        for (isPrivate, expected) in [(true, 0), (false, 2)] {
            var context = LintContext()
            context.isPrivate = { $0 == file && isPrivate }
            let linter = Linter(context: context, rules: [SecretValueCommittedRule.self])
            #expect(linter.lint(file: file, bytes: Array(failing.document.text.utf8)).count == expected)
        }
    }
}
