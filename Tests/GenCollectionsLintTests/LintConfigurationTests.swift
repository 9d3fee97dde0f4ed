import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsLint

/// `.gen-collections.yml` problems come with the position to fix, like spec problems (same YAML error mapping).
@Suite struct LintConfigurationTests {
    static func problems(_ text: String) -> [String] {
        do {
            _ = try LintConfiguration.parse(text, file: ".gen-collections.yml", knownRules: RuleRegistry.ids)
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func duplicateKeyPointsAtTheRepeat() {
        let text = "lint:\n  disabled: [empty-folder]\n  disabled: [insecure-http]\n"
        #expect(
            Self.problems(text) == [
                ".gen-collections.yml:3:3: error: duplicate key 'disabled' [config-duplicate-key]\n"
                    + "  hint: a key may appear once per mapping (first at line 2); remove or rename one"
            ])
    }

    @Test func syntaxErrorHasItsPosition() {
        let problems = Self.problems("lint:\n\tdisabled: []\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix(".gen-collections.yml:2:1: error: ") == true, "\(problems)")
        #expect(problems.first?.contains("[config-yaml-syntax]") == true)
    }

    @Test func settingsOfTheWrongTypeAreReported() {
        let problems = Self.problems(
            "lint:\n  rules: [missing-test-script]\n  disabled: empty-folder\n  ignore: vendor/**\n")
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.allSatisfy { $0.contains("[config-invalid]") })
        #expect(problems.first?.hasPrefix(".gen-collections.yml:2:10:") == true, "\(problems)")
        let entries = Self.problems("lint:\n  ignore: [[a], \"b/**\"]\n  rules: {empty-folder: [off]}\n")
        #expect(entries.count == 2, "\(entries)")
    }

    @Test func ignoreMatchesPathsGivenAsDotOrAbsolute() {
        var configuration = LintConfiguration(ignore: ["vendor/**"])
        configuration.baseDirectory = LintConfiguration.absolute(".")
        #expect(configuration.isIgnored("./vendor/a.postman_collection.json"))
        #expect(configuration.isIgnored(LintConfiguration.absolute("vendor/x/a.postman_collection.json")))
        #expect(!configuration.isIgnored("./mine/a.postman_collection.json"))
    }

    /// The path form that deduplicates targets and matches `ignore` is Foundation's standardized file path, made
    /// without touching the disk.
    @Test(arguments: [
        ".", "./", "a.json", "./a/./b.json", "a//b.json", "a/../b.json", "../a.json", "a/b/", "/", "/x/../..",
        "/tmp/./c.json", "/a/b/../../c", "é/ü.json",
    ])
    func absolutePathsAreFoundationsStandardizedPaths(path: String) {
        #expect(LintConfiguration.absolute(path) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }
}
