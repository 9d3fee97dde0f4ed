import GenCollectionsBase
import Foundation

/// The bank's helper-API environment file (a Postman environment), read so its values can fill the spec's
/// variables through their `from` keys.
public struct HelperEnvironment: Sendable, Hashable {
    /// Enabled values by key; when a key repeats, the last one wins, as in newman.
    public var values: [String: String]
    public var file: String

    /// Parses a Postman environment export (or a Postman-API envelope `{"environment": {...}}`).
    /// - Throws: `DiagnosticsError` naming the file, line and column when the file is not such an environment.
    public init(data: Data, file: String) throws {
        self.file = file
        let root: JSONValue
        do {
            root = try JSONValue(json: data)
        } catch let error as JSONSyntaxError {
            throw DiagnosticsError([
                .error(
                    "env-json-syntax", "the environment file is not valid JSON: \(error.message)",
                    at: SourceLocation(file: file, line: error.position.line, column: error.position.column),
                    hint: "download it again, or export it from Postman (Environments → Export)")
            ])
        }
        func problem(_ message: String, hint: String) -> DiagnosticsError {
            DiagnosticsError([.error("env-not-environment", message, at: SourceLocation(file: file), hint: hint)])
        }
        guard let entries = (root["environment"] ?? root)["values"]?.items else {
            throw problem(
                "the file is not a Postman environment: no 'values' list",
                hint: "pass the environment file the bank's helper API returns (--env)")
        }
        var values: [String: String] = [:]
        for (index, entry) in entries.enumerated() {
            guard let key = entry["key"]?.text else {
                throw problem(
                    "entry \(index) of 'values' has no string 'key'",
                    hint: "each value needs {\"key\": ..., \"value\": ...}")
            }
            if entry["disabled"] == .bool(true) { continue }
            switch entry["value"] {
            case let .string(text)?: values[key] = text
            case let .number(text)?: values[key] = text
            case let .bool(flag)?: values[key] = flag ? "true" : "false"
            case .null?, nil: values[key] = ""
            default: throw problem("the value of '\(key)' is not a string", hint: "environment values are strings")
            }
        }
        self.values = values
    }

    /// The first of `keys` this file defines.
    public func value(for keys: [String]) -> String? {
        keys.lazy.compactMap { values[$0] }.first
    }
}
