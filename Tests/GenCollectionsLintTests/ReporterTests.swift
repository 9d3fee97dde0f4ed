import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsLint

/// Every reporter against one fixed result, compared byte for byte with `Fixtures/Reporters/<format>.<ext>`.
/// `GEN_COLLECTIONS_RECORD=1` (or a missing golden) rewrites the golden and fails with "recorded new baseline".
struct ReporterTests {
    static let result = LintResult(
        files: [
            "collections/bank.postman_collection.json", "env/clean.postman_environment.json",
            "certs/ssl-client-cert-list.json",
        ],
        diagnostics: [
            .error(
                "duplicate-name", "duplicate name 'Get accounts' in folder 'Accounts'",
                at: SourceLocation(file: "collections/bank.postman_collection.json", line: 42, column: 7),
                hint: "rename it: newman --folder and run reports select items by name"),
            .warning(
                "undefined-variable", "variable 'a&b<c>\"d\"' is defined nowhere (used 3 times)",
                at: SourceLocation(file: "collections/bank.postman_collection.json", line: 50, column: 21)),
            Diagnostic(
                .note, id: "missing-test-script", "request 'x, y: 100%' has no test script\nsecond line",
                at: SourceLocation(file: "certs/ssl-client-cert-list.json", line: 1, column: 1)),
            .error(
                "lint-unreadable", "cannot read 'missing dir/x.json'", at: SourceLocation(file: "missing dir/x.json")),
        ])

    /// Reporters get the rules as data; a fixed repository root makes SARIF URIs deterministic.
    static let options = ReportOptions(
        failOn: .error, rules: RuleRegistry.metadata, repositoryRoot: "/repo", workingDirectory: "/repo")

    static let extensions = ["text": "txt", "json": "json", "junit": "xml", "sarif": "sarif", "github": "txt"]

    @Test(arguments: Reporters.all.map { $0.identifier })
    func matchesGolden(format: String) throws {
        let reporter = try #require(Reporters.named(format))
        let output = reporter.report(Self.result, options: Self.options).replacing(
            GenCollections.version, with: "${VERSION}")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Reporters/\(format).\(Self.extensions[format] ?? "txt")")
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        if ProcessInfo.processInfo.environment["GEN_COLLECTIONS_RECORD"] == "1" || expected == nil {
            try output.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("recorded new baseline \(golden.path)")
            return
        }
        #expect(output == expected, "\(format) output differs from \(golden.lastPathComponent)")
    }

    @Test func jsonStringsAreEscapedAsJSONEncoderEscapesThem() throws {
        // Every control character, quotes, backslashes, slashes, U+2028/U+2029 (left as they are) and non-ASCII.
        let text = String((0..<0x20).map { Character(Unicode.Scalar($0)!) }) + "\"\\/ \u{2028}\u{2029} é 𝄞 \u{7F}"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let expected = String(decoding: try encoder.encode(text), as: UTF8.self)
        #expect(JSONReporter.quoted(text) == expected)
        #expect(JSONReporter.quoted("plain text") == "\"plain text\"")
    }

    @Test func sarifHasTheRequiredFields() throws {
        let data = Data(SARIFReporter.report(Self.result, options: Self.options).utf8)
        let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "gen-collections")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = Set(rules.compactMap { $0["id"] as? String })
        for rule in RuleRegistry.all { #expect(ruleIDs.contains(rule.description.id)) }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == Self.result.diagnostics.count)
        for result in results {
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect(
                ruleIDs.contains(result["ruleId"] as? String ?? ""), "ruleId \(result["ruleId"] ?? "") not among rules")
            #expect(((result["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let uri = (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(uri?.isEmpty == false && uri?.contains(" ") == false)
            if let region = physical["region"] as? [String: Any] { #expect((region["startLine"] as? Int ?? 0) >= 1) }
        }
    }

    @Test func sarifURIsAreRelativeToTheRepositoryRoot() {
        let options = ReportOptions(repositoryRoot: "/work/repo", workingDirectory: "/work/repo/postman")
        let inside = SARIFReporter.artifact("/work/repo/postman/../out/a b.json", options: options)
        #expect(inside.uri == "out/a%20b.json" && inside.uriBaseId == "%SRCROOT%")
        let relative = SARIFReporter.artifact("./bank.postman_collection.json", options: options)
        #expect(relative.uri == "postman/bank.postman_collection.json" && relative.uriBaseId == "%SRCROOT%")
        let outside = SARIFReporter.artifact("/tmp/x.json", options: options)
        #expect(outside.uri == "file:///tmp/x.json" && outside.uriBaseId == nil)
    }

    @Test func junitCountsOnlyFindingsAtTheFailOnSeverityAsFailures() {
        let lenient = JUnitReporter.report(Self.result, options: ReportOptions(failOn: .error))
        #expect(lenient.contains("<testsuites name=\"gen-collections lint\" tests=\"5\" failures=\"2\">"))
        #expect(lenient.contains("<system-out>"))
        let strict = JUnitReporter.report(Self.result, options: ReportOptions(failOn: .warning))
        #expect(strict.contains("failures=\"3\">"))
    }

    @Test func githubEscapesPropertiesAndData() {
        #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
        #expect(GitHubReporter.escapeData("50%\r\n") == "50%25%0D%0A")
    }
}
