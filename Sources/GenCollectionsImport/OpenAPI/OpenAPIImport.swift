import Foundation
import GenCollectionsBase
import GenCollectionsCore
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

/// `import openapi`: an OpenAPI 3.0 or 3.1 document (read with OpenAPIKit; 3.0 converted to 3.1) becomes a spec
/// with a host per server, one step per operation in a flow per tag, and token steps for the OAuth2 schemes.
public enum OpenAPIImport {
    /// - Throws: `DiagnosticsError` when the document is not YAML or JSON, or not OpenAPI 3.
    public static func spec(fromDocument bytes: Data, file: String) throws -> ImportResult {
        let text = String(decoding: bytes, as: UTF8.self)
        let document = try decode(text, file: file)
        let resolved: OpenAPIKit.ResolvedDocument
        do {
            resolved = try document.locallyDereferenced().resolved()
        } catch {
            throw DiagnosticsError([
                .error(
                    "import-invalid-openapi", "the document's references cannot be resolved: \(error)",
                    at: SourceLocation(file: file), hint: "references must point into the same file's components")
            ])
        }
        var importer = OpenAPIImporter(document: document, resolved: resolved, file: file)
        let spec = importer.run()
        return ImportResult(spec: spec, diagnostics: importer.diagnostics)
    }

    /// Reads 3.0 documents as OpenAPIKit30 and converts them; 3.1 (and 3.2) documents directly.
    static func decode(_ text: String, file: String) throws -> OpenAPIKit.OpenAPI.Document {
        let version: String
        do {
            let root = try Yams.compose(yaml: text)
            version = root?["openapi"]?.string ?? ""
        } catch let error as YamlError {
            throw DiagnosticsError([YAMLSyntaxDiagnostic.diagnostic(for: error, text: text, file: file, area: "document")])
        }
        guard version.hasPrefix("3.") else {
            throw DiagnosticsError([
                .error(
                    "import-not-openapi", "this is not an OpenAPI 3 document (its 'openapi' is \(ItemText.quote(version)))",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "convert Swagger 2.0 documents to OpenAPI 3 first")
            ])
        }
        do {
            if version.hasPrefix("3.0") {
                return try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: text).convert(to: .v3_1_1)
            }
            return try YAMLDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: text)
        } catch {
            let reason = (try? OpenAPIKit.OpenAPI.Error(from: error).localizedDescription) ?? "\(error)"
            throw DiagnosticsError([
                .error(
                    "import-invalid-openapi", "the document is not valid OpenAPI: \(reason)",
                    at: location(of: error, in: text, file: file), hint: "fix the document, or validate it first")
            ])
        }
    }

    /// The place a decoding error's coding path names, found in the YAML tree.
    static func location(of error: Error, in text: String, file: String) -> SourceLocation {
        let path: [CodingKey]
        switch error as? DecodingError {
        case let .dataCorrupted(context)?, let .keyNotFound(_, context)?, let .typeMismatch(_, context)?,
            let .valueNotFound(_, context)?:
            path = context.codingPath
        default:
            return SourceLocation(file: file)
        }
        guard var node = try? Yams.compose(yaml: text) else { return SourceLocation(file: file) }
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
            } else if let child = node[key.stringValue] {
                node = child
            } else {
                break
            }
        }
        return SourceLocation(file: file, line: node.mark.map { $0.line }, column: node.mark.map { $0.column })
    }
}
