import Foundation
import GenCollectionsBase
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsLint

/// A collection is linted with the environments and globals linted beside it, in its folder, as Newman runs it
/// with `-e`: their variables are defined (docs/lint.md, "Environments beside a collection").
struct NeighbourEnvironmentsTests {
    static let collection = """
        {\(LintRunnerTests.info), "item": [{"name": "R", "request": "https://{{host}}/accounts?t={{token}}"}]}
        """
    static func environment(_ names: String...) -> String {
        let values = names.map { #"{"key": "\#($0)", "value": "x", "type": "default"}"# }
        return
            #"{"name": "E", "values": [\#(values.joined(separator: ", "))], "_postman_variable_scope": "environment"}"#
    }

    static func undefined(_ outcome: LintRunner.Outcome) -> [String] {
        outcome.result.diagnostics.filter { $0.id == "undefined-variable" }.map(\.message)
    }

    @Test func theEnvironmentBesideACollectionDefinesItsVariables() throws {
        let root = try LintRunnerTests.directory([
            "bundle/c.postman_collection.json": Self.collection,
            "bundle/c.postman_environment.json": Self.environment("host"),
            "bundle/shared.postman_globals.json": Self.environment("token").replacingOccurrences(
                of: "\"environment\"", with: "\"globals\""),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Self.undefined(LintRunner.run(.init(paths: [root.path]))) == [])
    }

    @Test func turnedOffOnlyTheEnvFilesCount() throws {
        let root = try LintRunnerTests.directory([
            "bundle/c.postman_collection.json": Self.collection,
            "bundle/c.postman_environment.json": Self.environment("host", "token"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = LintRunner.run(.init(paths: [root.path], neighbourEnvironments: false))
        #expect(
            Self.undefined(outcome) == [
                "variable 'host' is defined nowhere", "variable 'token' is defined nowhere",
            ])
    }

    @Test func anotherFolderIsNotANeighbour() throws {
        let root = try LintRunnerTests.directory([
            "a/c.postman_collection.json": Self.collection,
            "a/c.postman_environment.json": Self.environment("host"),
            "b/b.postman_environment.json": Self.environment("token"),
            "a/nested/n.postman_environment.json": Self.environment("token"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(Self.undefined(LintRunner.run(.init(paths: [root.path]))) == ["variable 'token' is defined nowhere"])
    }

    @Test func onlyTheFilesOfTheRunCount() throws {
        let root = try LintRunnerTests.directory([
            "c.postman_collection.json": Self.collection,
            "c.postman_environment.json": Self.environment("host", "token"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let alone = LintRunner.run(.init(paths: [root.path + "/c.postman_collection.json"]))
        #expect(Self.undefined(alone).count == 2)
        let both = LintRunner.run(
            .init(paths: [root.path + "/c.postman_collection.json", root.path + "/c.postman_environment.json"]))
        #expect(Self.undefined(both).isEmpty)
    }

    @Test func aBrokenEnvironmentAddsNothingAndIsReported() throws {
        let root = try LintRunnerTests.directory([
            "c.postman_collection.json": Self.collection, "c.postman_environment.json": "{\"values\": [",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = LintRunner.run(.init(paths: [root.path]))
        #expect(Self.undefined(outcome).count == 2)
        #expect(outcome.result.diagnostics.contains { $0.id == "json-syntax" })
    }

    /// The committed bundle of the default bank lints without one warning about its environment's variables.
    @Test func theCommittedBundleHasNoUndefinedVariable() throws {
        let outcome = LintRunner.run(.init(paths: [PackagePaths.root.appendingPathComponent("output").path]))
        #expect(outcome.result.files.count >= 3)
        #expect(Self.undefined(outcome) == [])
        let warnings = outcome.result.diagnostics.filter { $0.severity >= .warning }.map(\.description)
        #expect(warnings.isEmpty, "\(warnings.joined(separator: "\n"))")
    }
}
