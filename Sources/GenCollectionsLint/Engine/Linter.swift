import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Lints one file's bytes with the registered rules; never touches the disk.
///
/// ```swift
/// let diagnostics = Linter().lint(file: "out/x.postman_collection.json", contents: data)
/// ```
public struct Linter: Sendable {
    public var context: LintContext
    public var rules: [any LintRule.Type]

    /// - Parameters:
    ///   - configuration: severities and Open Banking mode.
    ///   - context: what the run knows besides the file (`--env` variables); its configuration is replaced.
    ///   - rules: the rules to run, all registered ones by default.
    public init(
        configuration: LintConfiguration = LintConfiguration(), context: LintContext = LintContext(),
        rules: [any LintRule.Type] = RuleRegistry.all
    ) {
        var context = context
        context.configuration = configuration
        self.context = context
        self.rules = rules
    }

    /// Lints file contents.
    /// - Parameters:
    ///   - path: the path printed in diagnostics.
    ///   - contents: the file's bytes.
    /// - Returns: diagnostics sorted by position.
    public func lint(file path: String, contents: Data) -> [Diagnostic] {
        lint(file: path, bytes: [UInt8](contents))
    }

    /// Lints file bytes; see `lint(file:contents:)`.
    public func lint(file path: String, bytes: [UInt8]) -> [Diagnostic] {
        let document: JSONDocument
        do {
            document = try JSONReader.parse(bytes)
        } catch let error as JSONSyntaxError {
            return [
                .error(
                    "json-syntax", error.message,
                    at: SourceLocation(file: path, line: error.position.line, column: error.position.column),
                    hint: "newman parses files with JSON.parse, which rejects this; fix the JSON syntax")
            ]
        } catch {
            return [.error("json-syntax", "\(error)", at: SourceLocation(file: path))]
        }
        return lint(LintedFile(path: path, document: document, context: context))
    }

    /// Runs the rules over a parsed file.
    func lint(_ file: LintedFile) -> [Diagnostic] {
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        switch file.kind {
        case .collectionV1:
            return [
                .error(
                    "postman-v1-unsupported", "postman collection format v1 is not supported", at: start,
                    hint: "v1 was retired in 2016: Postman no longer exports it and newman only converts it "
                        + "with a deprecation warning; re-export the collection as v2.1 from the Postman app")
            ]
        case .unknown:
            return [
                .warning(
                    "postman-unknown-file",
                    "not a postman collection, environment, globals or newman certificate list", at: start,
                    hint: "collections need 'info' and 'item'; environments need 'values'; "
                        + "certificate lists are arrays of {name, matches, key, cert}")
            ]
        default:
            break
        }
        var diagnostics: [(offset: Int, diagnostic: Diagnostic)] = []
        for rule in rules {
            let description = rule.description
            guard let severity = context.configuration.severity(of: description) else { continue }
            for finding in rule.init().check(file) {
                let position = file.document.position(ofOffset: finding.offset)
                let location = SourceLocation(file: file.path, line: position.line, column: position.column)
                diagnostics.append(
                    (
                        finding.offset,
                        Diagnostic(severity, id: description.id, finding.message, at: location, hint: finding.hint)
                    ))
            }
        }
        return diagnostics.enumerated().sorted { lhs, rhs in
            (lhs.element.offset, lhs.offset) < (rhs.element.offset, rhs.offset)
        }.map(\.element.diagnostic)
    }

    /// Variables defined by environment or globals files, for `--env`.
    /// - Parameter files: path and bytes of each file.
    /// - Returns: a context whose enabled and disabled variables are those of the files.
    /// - Throws: `DiagnosticsError` when a file is not valid JSON or not an environment.
    public static func context(environments files: [(path: String, bytes: [UInt8])]) throws -> LintContext {
        var context = LintContext(hasEnvironment: !files.isEmpty)
        var problems: [Diagnostic] = []
        for (path, bytes) in files {
            do {
                let file = LintedFile(path: path, document: try JSONReader.parse(bytes), context: context)
                guard file.kind.isVariableScope else {
                    problems.append(
                        .error(
                            "lint-env-not-environment", "'\(path)' is not a postman environment or globals file",
                            at: SourceLocation(file: path, line: 1, column: 1),
                            hint: "--env takes *.postman_environment.json or *.postman_globals.json files"))
                    continue
                }
                for definition in file.variableDefinitions {
                    if definition.disabled {
                        context.disabledEnvironmentVariables.insert(definition.name)
                    } else {
                        context.environmentVariables.insert(definition.name)
                    }
                }
            } catch let error as JSONSyntaxError {
                problems.append(
                    .error(
                        "json-syntax", error.message,
                        at: SourceLocation(file: path, line: error.position.line, column: error.position.column)))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return context
    }
}
