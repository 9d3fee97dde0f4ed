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
        let root: Node
        if let problem = YAMLLimits.aliasKey(in: text, file: file) { throw DiagnosticsError([problem]) }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DiagnosticsError([
                    .error(
                        "spec-empty", "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1),
                        hint: "run 'gen-collections init' for an annotated example")
                ])
            }
            root = node
            if let problem = YAMLLimits.check(node, file: file) { throw DiagnosticsError([problem]) }
        } catch let error as YamlError {
            throw DiagnosticsError([YAMLSyntaxDiagnostic.diagnostic(for: error, text: text, file: file, area: "spec")])
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
}
