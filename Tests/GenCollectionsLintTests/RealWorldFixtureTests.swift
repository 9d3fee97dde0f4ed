import Foundation
import GenCollectionsBase
import Testing
@testable import GenCollectionsLint

/// Collections shaped like the public ones that showed false errors (an Ozone model-bank collection with its
/// environment and certificate list, a gateway TPP collection) lint without errors and without the findings that
/// were false; a collection of what reviewers flag gives exactly the expected findings. The full findings of each
/// directory are compared with `Fixtures/RealWorld/<name>.expected.txt` (`GEN_COLLECTIONS_RECORD=1` rewrites it).
struct RealWorldFixtureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/RealWorld")

    static func lint(_ name: String, environment: String? = nil) -> [Diagnostic] {
        let directory = root.appendingPathComponent(name).path
        let outcome = LintRunner.run(
            .init(
                paths: [directory], configurationPath: nil,
                environmentPaths: environment.map { [directory + "/" + $0] } ?? [], jobs: 2))
        return outcome.result.diagnostics
    }

    static func text(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.description + "\n" }.joined().replacing(root.path + "/", with: "")
    }

    func compare(_ name: String, _ diagnostics: [Diagnostic]) throws {
        let golden = Self.root.appendingPathComponent("\(name).expected.txt")
        let output = Self.text(diagnostics)
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if ProcessInfo.processInfo.environment["GEN_COLLECTIONS_RECORD"] == "1" || expected == nil {
            try output.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded new baseline \(golden.path)")
            return
        }
        #expect(output == expected, "\(name): findings differ from \(golden.lastPathComponent):\n\(output)")
    }

    @Test func modelBankCollectionHasNoFalseErrors() throws {
        let diagnostics = Self.lint("ozone-model-bank", environment: "ozone.postman_environment.json")
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(Self.text(diagnostics))")
        let falseClasses: Set = [
            "oauth2-access-token", "protocol-profile-override", "certificate-port", "secret-value-committed",
            "undefined-variable", "hardcoded-secret",
        ]
        #expect(diagnostics.allSatisfy { !falseClasses.contains($0.id) }, "\(Self.text(diagnostics))")
        try compare("ozone-model-bank", diagnostics)
    }

    @Test func gatewayCollectionHasNoFalseFindings() throws {
        let diagnostics = Self.lint("fintech")
        #expect(diagnostics.isEmpty, "\(Self.text(diagnostics))")
    }

    @Test func missedFindingsAreFound() throws {
        let diagnostics = Self.lint("missed")
        let ids = Set(diagnostics.map(\.id))
        for id in [
            "hardcoded-secret", "remote-code", "newman-sandbox", "missing-test-script", "postman-structure",
            "postman-schema", "jws-signature", "idempotency-key", "certificate-file", "certificate-shadowed",
            "duplicate-variable",
        ] {
            #expect(ids.contains(id), "\(id) not found:\n\(Self.text(diagnostics))")
        }
        try compare("missed", diagnostics)
    }
}
