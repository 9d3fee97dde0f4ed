import Foundation
import Testing
@testable import GenCollectionsLint

/// `CertificateHostRule` against its passing and failing examples, and on a bundle whose environment moved a host.
struct CertificateHostRuleTests {
    @Test func examples() {
        verifyRule(CertificateHostRule.self)
    }

    @Test func reportsEachVariableOnceAndNamesTheHost() throws {
        let example = Example(
            #"[{"name": "A", "request": {"url": "{{rs}}/a"}}, {"name": "B", "request": {"url": "{{rs}}/b"}}]"#, .items,
            environment: ["rs=https://127.0.0.1:8443"], certificates: ["https://*.ob.monese.com/*"])
        let diagnostics = lint(example, with: CertificateHostRule.self)
        #expect(diagnostics.count == 1)
        let message = try #require(diagnostics.first).description
        #expect(message.contains("'{{rs}}' is 'https://127.0.0.1:8443'"))
        #expect(message.contains("add 'https://127.0.0.1:8443/*'"))
    }

    @Test func withoutACertificateListNothingIsReported() {
        let example = Example(#"{"url": "{{rs}}/a"}"#, environment: ["rs=https://127.0.0.1:8443"])
        #expect(lint(example, with: CertificateHostRule.self).isEmpty)
    }
}
