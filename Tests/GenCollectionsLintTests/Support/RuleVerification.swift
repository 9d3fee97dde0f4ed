import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsLint

/// Runs a rule over its own examples: passing ones must be clean, failing ones must fire exactly at each `↓`.
/// A failure is reported at the example's own line.
func verifyRule(_ rule: any LintRule.Type) {
    let description = rule.description
    #expect(!description.passing.isEmpty, "\(description.id) has no passing example")
    #expect(!description.failing.isEmpty, "\(description.id) has no failing example")
    for example in description.passing + description.failing {
        let location = Testing.SourceLocation(
            fileID: "GenCollectionsLint/\((example.sourceFile as NSString).lastPathComponent)",
            filePath: example.sourceFile, line: example.sourceLine, column: 1)
        let (text, markers) = example.document
        let document: JSONDocument
        do {
            document = try JSONReader.parse(text)
        } catch {
            Issue.record("example is not valid JSON: \(error)\n\(text)", sourceLocation: location)
            continue
        }
        let isFailing = description.failing.contains { $0.sourceLine == example.sourceLine && $0.code == example.code }
        #expect(
            isFailing != markers.isEmpty, "failing examples need a ↓ marker, passing ones none",
            sourceLocation: location)
        let diagnostics = lint(example, with: rule)
        let found = diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }.sorted()
        let expected = markers.map { document.position(ofOffset: $0).description }.sorted()
        #expect(
            diagnostics.allSatisfy { $0.id == description.id }, "other diagnostics: \(diagnostics)",
            sourceLocation: location)
        #expect(
            found == expected,
            """
            \(description.id): findings at \(found), markers at \(expected)
            \(diagnostics.map(\.description).joined(separator: "\n"))
            """, sourceLocation: location)
    }
}

/// The diagnostics `rule` alone reports for `example`.
func lint(_ example: Example, with rule: any LintRule.Type) -> [Diagnostic] {
    var context = LintContext(
        environmentVariables: example.environmentNames, hasEnvironment: !example.environment.isEmpty,
        certificateLists: example.certificates.isEmpty
            ? [] : [CertificateList(path: "ssl-client-cert-list.json", entries: example.certificates.map { [$0] })])
    context.environmentValues = example.environmentValues
    let existing = Set(example.existingFiles)
    context.fileExists = { existing.contains($0) }
    let linter = Linter(
        configuration: LintConfiguration(openBanking: example.openBanking), context: context, rules: [rule])
    return linter.lint(file: example.fileName, bytes: Array(example.document.text.utf8))
}
