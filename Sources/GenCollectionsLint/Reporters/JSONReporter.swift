import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// A JSON document: a summary and one object per diagnostic, keys sorted, stable across runs.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    struct Output: Encodable {
        struct Summary: Encodable {
            var files: Int, errors: Int, warnings: Int, notes: Int
        }

        struct Entry: Encodable {
            var file: String?, line: Int?, column: Int?
            var severity: String, id: String, message: String, hint: String?
        }

        var version = 1
        var summary: Summary
        var files: [String]
        var diagnostics: [Entry]
    }

    public static func report(_ result: LintResult, options: ReportOptions) -> String {
        let output = Output(
            summary: .init(
                files: result.files.count, errors: result.count(.error), warnings: result.count(.warning),
                notes: result.count(.note)),
            files: result.files,
            diagnostics: result.diagnostics.map {
                .init(
                    file: $0.location?.file, line: $0.location?.line, column: $0.location?.column,
                    severity: $0.severity.rawValue, id: $0.id, message: $0.message, hint: $0.hint)
            })
        return encode(output)
    }

    /// Pretty, sorted, unescaped slashes, final newline.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
