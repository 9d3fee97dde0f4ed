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

    /// A JSON string literal, escaped as `JSONEncoder` does (built on bytes: it runs for every field).
    static func quoted(_ value: String) -> String {
        var bytes: [UInt8] = [0x22]
        bytes.reserveCapacity(value.utf8.count + 2)
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Pretty, sorted, unescaped slashes, final newline.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
