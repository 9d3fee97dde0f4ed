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
}
