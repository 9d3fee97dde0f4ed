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
            var members: [(String, String)] = []
            if let column = diagnostic.location?.column { members.append(("column", String(column))) }
            if let file = diagnostic.location?.file { members.append(("file", quoted(file))) }
            if let hint = diagnostic.hint { members.append(("hint", quoted(hint))) }
            members.append(("id", quoted(diagnostic.id)))
            if let line = diagnostic.location?.line { members.append(("line", String(line))) }
            members.append(("message", quoted(diagnostic.message)))
            members.append(("severity", quoted(diagnostic.severity.rawValue)))
            text += index == 0 ? "\n    {\n" : ",\n    {\n"
            text += members.map { "      \"\($0.0)\" : \($0.1)" }.joined(separator: ",\n")
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
