import GenCollectionsBase
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
        if let problem = YAMLLimits.aliasKey(in: text, file: file) { throw DiagnosticsError([problem]) }
        let root = try compose(text, file: file)
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

    /// The YAML tree, within `YAMLLimits`.
    ///
    /// Yams finds duplicate keys by hashing each key with its resolved tag, which runs the default resolver's
    /// regular expressions on every plain key (a sixth of a load). So the text is first composed with the basic
    /// resolver; only when that fails, breaks a limit or leaves two keys of one mapping with the same text (where
    /// `1` and `"1"` differ by tag) is it composed again as before, so every diagnostic stays Yams' own.
    private static func compose(_ text: String, file: String) throws -> Node {
        if let fast = try? Yams.compose(yaml: text, .basic) {
            let inspection = YAMLLimits.inspect(fast, file: file, text: text)
            if inspection.problem == nil, !inspection.keysNeedResolving { return fast }
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DiagnosticsError([
                    .error(
                        "spec-empty", "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "run 'gen-collections init' for an annotated example")
                ])
            }
            if let problem = YAMLLimits.check(node, file: file, text: text) { throw DiagnosticsError([problem]) }
            return node
        } catch let error as YamlError {
            throw DiagnosticsError([YAMLSyntaxDiagnostic.diagnostic(for: error, text: text, file: file, area: "spec")])
        }
    }
}
