import Foundation
import Testing
@testable import GenCollectionsLint

/// The registry: ids are stable kebab-case, unique, documented, and every rule has its own test file.
struct RuleRegistryTests {
    @Test func idsAreUniqueKebabCaseAndNotSuffixed() {
        let ids = RuleRegistry.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(
                id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*$", options: .regularExpression) != nil, "\(id) is not kebab-case")
            #expect(!id.hasSuffix("-rule"), "\(id) ends in -rule")
        }
    }

    @Test func everyRuleIsDocumented() {
        for rule in RuleRegistry.all {
            let description = rule.description
            #expect(!description.summary.isEmpty && !description.summary.hasSuffix("."), "\(description.id) summary")
            #expect(description.explanation.count > 80, "\(description.id) explanation is too short")
        }
    }

    @Test func everyRuleHasItsOwnTestFile() {
        let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Rules")
        for rule in RuleRegistry.all {
            let name = String(describing: rule)
            let path = testsDirectory.appendingPathComponent("\(name)Tests.swift").path
            #expect(FileManager.default.fileExists(atPath: path), "missing \(path)")
        }
    }
}
