import GenCollectionsBase
import Foundation

/// The bank's helper-API environment file (a Postman environment), read so its values can fill the spec's
/// variables through their `from` keys.
public struct HelperEnvironment: Sendable, Hashable {
    /// Enabled values by key; when a key repeats, the last one wins, as in newman.
    public var values: [String: String]
    public var file: String
    /// Where each value in `values` is written (its `value` member, or its entry when it has none).
    public var positions: [String: JSONDocument.Position] = [:]

    /// Parses a Postman environment export (or a Postman-API envelope `{"environment": {...}}`).
    /// - Throws: `DiagnosticsError` naming the file, line and column when the file is not such an environment.
    public init(data: Data, file: String) throws {
        self.file = file
        let document: JSONDocument
        do {
            document = try JSONDocument.read(Array(data))
        } catch let error as JSONSyntaxError {
            throw DiagnosticsError([
                .error(
                    "env-json-syntax", "the environment file is not valid JSON: \(error.message)",
                    at: SourceLocation(file: file, line: error.position.line, column: error.position.column),
                    hint: "download it again, or export it from Postman (Environments → Export)")
            ])
        }
        func problem(_ message: String, at node: Int, hint: String) -> DiagnosticsError {
            let position = document.position(of: node)
            return DiagnosticsError([
                .error(
                    "env-not-environment", message,
                    at: SourceLocation(file: file, line: position.line, column: position.column), hint: hint)
            ])
        }
        let environment = document.member(document.root, "environment") ?? document.root
        guard let list = document.member(environment, "values"), document.kind(list) == .array else {
            throw problem(
                "the file is not a Postman environment: no 'values' list", at: environment,
                hint: "pass the environment file the bank's helper API returns (--env)")
        }
        var values: [String: String] = [:]
        for (index, entry) in document.elements(list).enumerated() {
            guard let key = document.string(entry, "key") else {
                throw problem(
                    "entry \(index) of 'values' has no string 'key'", at: entry,
                    hint: "each value needs {\"key\": ..., \"value\": ...}")
            }
            if document.isTrue(entry, "disabled") { continue }
            let value = document.member(entry, "value")
            switch value.map(document.kind) {
            case .string?: values[key] = value.flatMap(document.string) ?? ""
            case .number?: values[key] = value.flatMap(document.numberText) ?? ""
            case .true?: values[key] = "true"
            case .false?: values[key] = "false"
            case .null?, nil: values[key] = ""
            default:
                throw problem(
                    "the value of '\(key)' is not a string", at: value ?? entry, hint: "environment values are strings")
            }
            positions[key] = document.position(of: value ?? entry)
        }
        self.values = values
    }

    /// Where the value of `key` is written, for diagnostics about it; the file alone when it is not there.
    public func location(of key: String) -> SourceLocation {
        guard let position = positions[key] else { return SourceLocation(file: file) }
        return SourceLocation(file: file, line: position.line, column: position.column)
    }

    /// The first of `keys` this file defines.
    public func value(for keys: [String]) -> String? {
        keys.lazy.compactMap { values[$0] }.first
    }
}
