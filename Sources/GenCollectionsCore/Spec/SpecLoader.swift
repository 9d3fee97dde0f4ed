import Foundation
import Yams

/// Turns spec text into a validated `Spec`, or throws a `DiagnosticsError` listing every problem found.
public enum SpecLoader {
    /// The spec format version this build reads.
    public static let formatVersion = 1

    /// Parses, decodes and validates a spec.
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the path used in diagnostics.
    /// - Returns: the spec and any warnings.
    /// - Throws: `DiagnosticsError` when the spec has at least one error.
    public static func load(_ text: String, file: String) throws -> (spec: Spec, warnings: [Diagnostic]) {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DiagnosticsError([.error("spec-empty", "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1),
                                               hint: "run 'gen-collections init' for an annotated example")])
            }
            root = node
        } catch let error as YamlError {
            throw DiagnosticsError([diagnostic(for: error, text: text, file: file)])
        }
        let reader = NodeReader(file: file)
        let spec = SpecDecoder(reader).decode(root)
        var collector = reader.collector
        if let spec, !collector.hasErrors {
            for diagnostic in SpecValidator.validate(spec) { collector.emit(diagnostic) }
        }
        // In file order, as an editor lists them.
        let diagnostics = collector.diagnostics.enumerated().sorted { a, b in
            let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return left < right
        }.map(\.element)
        guard let spec, !collector.hasErrors else { throw DiagnosticsError(diagnostics) }
        return (spec, diagnostics)
    }

    /// One diagnostic for a YAML syntax error, at the position libyaml reports.
    static func diagnostic(for error: YamlError, text: String, file: String) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let contextText = context.map { "\($0.text) (line \($0.mark.line), column \($0.mark.column)): " } ?? ""
            return .error("spec-yaml-syntax", "\(contextText)\(problem)",
                          at: SourceLocation(file: file, line: mark.line, column: mark.column),
                          hint: "fix the YAML syntax; a tab used for indentation or an unclosed quote is the usual cause")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let place = secondOccurrence(of: key, after: context.mark, in: text) ?? (context.mark.line, context.mark.column)
            return .error("spec-duplicate-key", "duplicate key '\(key)'",
                          at: SourceLocation(file: file, line: place.line, column: place.column),
                          hint: "a key may appear once per mapping (first at line \(context.mark.line)); remove or rename one")
        case let .reader(problem, offset, _, _):
            return .error("spec-yaml-syntax", "cannot read the file: \(problem)\(offset.map { " at byte \($0)" } ?? "")",
                          at: SourceLocation(file: file), hint: "save the spec as UTF-8")
        default:
            return .error("spec-yaml-syntax", "\(error)", at: SourceLocation(file: file))
        }
    }

    /// libyaml reports a duplicated key at its first use; point at the repeat, which is what the user must fix.
    private static func secondOccurrence(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
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
