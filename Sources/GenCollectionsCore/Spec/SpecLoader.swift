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
    public static func load(_ text: consuming String, file: String) throws -> (spec: Spec, warnings: [Diagnostic]) {
        if let problem = YAMLLimits.aliasKey(in: text, file: file) { throw DiagnosticsError([problem]) }
        let root = try compose(text, file: file)
        // The tree holds what decoding needs: the text is freed before the spec is built.
        _ = consume text
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

    /// The YAML tree, within `YAMLLimits`, as `SpecComposer` builds it. Where it leaves the verdict to Yams, Yams
    /// composes the text again: its error is the diagnostic, and when it finds none the tree stands.
    private static func compose(_ text: String, file: String) throws -> SpecNode {
        let composition = SpecComposer.compose(text, file: file)
        if composition.needsYams {
            do {
                _ = try Yams.compose(yaml: text)
            } catch let error as YamlError {
                throw DiagnosticsError([
                    YAMLSyntaxDiagnostic.diagnostic(for: error, text: text, file: file, area: "spec")
                ])
            }
        }
        if let problem = composition.problem { throw DiagnosticsError([problem]) }
        guard let root = composition.root else {
            throw DiagnosticsError([
                .error(
                    "spec-empty", "the spec is empty", at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "run 'gen-collections init' for an annotated example")
            ])
        }
        return root
    }
}
