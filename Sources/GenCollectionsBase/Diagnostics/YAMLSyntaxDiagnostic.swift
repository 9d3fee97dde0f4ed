import Yams

/// Turns Yams' errors into diagnostics at the place to fix: the spec loader and the lint configuration use it.
public enum YAMLSyntaxDiagnostic {
    /// One diagnostic for a YAML syntax error, at the position libyaml reports.
    /// - Parameters:
    ///   - text: the YAML text, to find a repeated key.
    ///   - area: the id prefix, e.g. `spec` (`spec-yaml-syntax`) or `config` (`config-duplicate-key`).
    public static func diagnostic(for error: YamlError, text: String, file: String, area: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let contextText = context.map { "\($0.text) (line \($0.mark.line), column \($0.mark.column)): " } ?? ""
            if problem.hasPrefix("Maximum nesting level reached") {
                return .error(
                    "\(area)-too-deep", "the YAML nests more than 1000 levels deep",
                    at: SourceLocation(file: file, line: mark.line, column: mark.column),
                    hint: "flatten the value; no request body needs that depth")
            }
            return .error(
                "\(area)-yaml-syntax", "\(contextText)\(problem)",
                at: SourceLocation(file: file, line: mark.line, column: mark.column),
                hint: "fix the YAML syntax; a tab used for indentation or an unclosed quote is the usual cause")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let place =
                secondOccurrence(of: key, after: context.mark, in: text) ?? (context.mark.line, context.mark.column)
            return .error(
                "\(area)-duplicate-key", "duplicate key '\(key)'",
                at: SourceLocation(file: file, line: place.line, column: place.column),
                hint: "a key may appear once per mapping (first at line \(context.mark.line)); remove or rename one")
        case let .reader(problem, offset, value, _):
            let location = offset.map { SourceLocation(file: file, offset: $0, in: Array(text.utf8)) }
            let isControl = problem.contains("control characters")
            let hex = String(value, radix: 16, uppercase: true)
            let character =
                isControl && value >= 0 ? " (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))" : ""
            return .error(
                "\(area)-yaml-syntax", "\(problem)\(character)", at: location ?? SourceLocation(file: file),
                hint: isControl
                    ? "remove the character; inside double quotes write it as an escape such as \\t or \\u001B"
                    : "save the file as UTF-8")
        default:
            return .error("\(area)-yaml-syntax", "\(error)", at: SourceLocation(file: file))
        }
    }

    /// libyaml reports a duplicated key at its first use; point at the repeat, which is what the user must fix.
    private static func secondOccurrence(
        of key: String, after first: Mark, in text: String
    ) -> (line: Int, column: Int)? {
        let lines = text.components(separatedBy: "\n")
        guard first.line >= 1, first.line <= lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = Array(lines[index])
            let leading = line.prefix { $0 == " " }.count
            if leading == line.count || line[leading] == "#" { continue }
            if leading < first.column - 1 { break }
            guard leading == first.column - 1 else { continue }
            let rest = String(line[leading...])
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate) {
                if rest.dropFirst(candidate.count).drop(while: { $0 == " " }).first == ":" {
                    return (index + 1, first.column)
                }
            }
        }
        return nil
    }
}
