import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// A JSON document: a summary and one object per diagnostic, keys sorted, stable across runs.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    /// Written by hand in the layout `JSONEncoder` gives (pretty, keys sorted, slashes unescaped): a run with
    /// thousands of findings is reported in a fraction of the encoder's time.
    public static func report(_ result: LintResult, options: ReportOptions) -> String {
        var text = "{\n  \"diagnostics\" : ["
        for (index, diagnostic) in result.diagnostics.enumerated() {
            text += index == 0 ? "\n    {" : ",\n    {"
            var separator = "\n"
            func member(_ key: String, _ value: String) {
                text += separator
                text += "      \""
                text += key
                text += "\" : "
                text += value
                separator = ",\n"
            }
            if let column = diagnostic.location?.column { member("column", String(column)) }
            if let file = diagnostic.location?.file { member("file", quoted(file)) }
            if let hint = diagnostic.hint { member("hint", quoted(hint)) }
            member("id", quoted(diagnostic.id))
            if let line = diagnostic.location?.line { member("line", String(line)) }
            member("message", quoted(diagnostic.message))
            member("severity", quoted(diagnostic.severity.rawValue))
            text += "\n    }"
        }
        text += result.diagnostics.isEmpty ? "]" : "\n  ]"
        text += ",\n  \"files\" : ["
        text +=
            result.files.isEmpty
            ? "]" : "\n" + result.files.map { "    " + quoted($0) }.joined(separator: ",\n") + "\n  ]"
        text += ",\n  \"summary\" : {\n"
        text += "    \"errors\" : \(result.count(.error)),\n    \"files\" : \(result.files.count),\n"
        text += "    \"notes\" : \(result.count(.note)),\n    \"warnings\" : \(result.count(.warning))\n  },\n"
        text += "  \"version\" : 1\n}\n"
        return text
    }

    /// A JSON string literal, escaped as `JSONEncoder` does.
    static func quoted(_ value: String) -> String { JSONValue.quoted(value, escapingLineSeparators: false) }

    /// Pretty, sorted, unescaped slashes, final newline.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
