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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw DiagnosticsError([.error("env-json-syntax", "the environment file is not valid JSON: \(Self.reason(error))",
                                           at: Self.location(of: error, in: data, file: file),
                                           hint: "download it again, or export it from Postman (Environments → Export)")])
        }
        var root = object as? [String: Any]
        if let envelope = root?["environment"] as? [String: Any] { root = envelope }
        guard let root, let entries = root["values"] as? [Any] else {
            throw DiagnosticsError([.error("env-not-environment", "the file is not a Postman environment: no 'values' list",
                                           at: SourceLocation(file: file, line: 1, column: 1),
                                           hint: "pass the environment file the bank's helper API returns (--env)")])
        }
        var values: [String: String] = [:]
        for (index, entry) in entries.enumerated() {
            guard let entry = entry as? [String: Any], let key = entry["key"] as? String else {
                throw DiagnosticsError([.error("env-not-environment", "entry \(index) of 'values' has no string 'key'",
                                               at: SourceLocation(file: file), hint: "each value needs {\"key\": ..., \"value\": ...}")])
            }
            if entry["disabled"] as? Bool == true { continue }
            switch entry["value"] {
            case let text as String: values[key] = text
            case let number as NSNumber: values[key] = number.stringValue
            case nil, is NSNull: values[key] = ""
            default:
                throw DiagnosticsError([.error("env-not-environment", "the value of '\(key)' is not a string",
                                               at: SourceLocation(file: file), hint: "environment values are strings")])
            }
        }
        self.values = values
    }

    /// The first of `keys` this file defines.
    public func value(for keys: [String]) -> String? {
        keys.lazy.compactMap { values[$0] }.first
    }

    private static func reason(_ error: Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        return text.replacingOccurrences(of: #" around character \d+"#, with: "", options: .regularExpression)
            .trimmingCharacters(in: CharacterSet(charactersIn: ". ")).lowercased()
    }

    /// Foundation reports a character offset ("around character 19"); turn it into line and column.
    private static func location(of error: Error, in data: Data, file: String) -> SourceLocation {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
        let bytes = Array(data)
        var offset = bytes.count
        if let range = text.range(of: #"character \d+"#, options: .regularExpression),
           let number = Int(text[range].dropFirst("character ".count)) {
            offset = min(number, bytes.count)
        }
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
