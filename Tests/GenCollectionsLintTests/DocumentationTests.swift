import Foundation
import Testing
@testable import GenCollectionsLint

/// `docs/lint.md` carries the rules reference generated from the registry; it must be up to date.
struct DocumentationTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/lint.md")

    @Test func rulesSectionMatchesTheRegistry() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        let begin = "<!-- rules:begin -->\n", end = "<!-- rules:end -->"
        let start = try #require(text.range(of: begin), "docs/lint.md lacks \(begin)")
        let finish = try #require(text.range(of: end, range: start.upperBound..<text.endIndex))
        let current = String(text[start.upperBound..<finish.lowerBound])
        let generated = RuleDocumentation.markdown()
        if current != generated {
            if ProcessInfo.processInfo.environment["GEN_COLLECTIONS_RECORD"] == "1" || current.isEmpty {
                let updated = text.replacingCharacters(in: start.upperBound..<finish.lowerBound, with: generated)
                try updated.write(to: Self.docs, atomically: true, encoding: .utf8)
                Issue.record("recorded new baseline \(Self.docs.path)")
            } else {
                Issue.record("docs/lint.md rules section is out of date; run GEN_COLLECTIONS_RECORD=1 swift test")
            }
        }
    }

    @Test func everyBuiltInDiagnosticIsDocumented() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        for (id, _) in BuiltInDiagnostics.all where !id.hasPrefix("config-") {
            #expect(text.contains("`\(id)`"), "docs/lint.md does not mention \(id)")
        }
    }
}
