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

    /// Reads 3.0 documents as OpenAPIKit30 and converts them; 3.1 (and 3.2) documents directly. JSON goes
    /// through Foundation's decoder (YAML decoding of a large document is many times slower), YAML is composed
    /// once and decoded from the tree.
    static func decode(_ text: String, file: String) throws -> OpenAPIKit.OpenAPI.Document {
        let bytes = Data(text.utf8)
        let isJSON = text.first { !$0.isWhitespace } == "{"
        var node: Node?
        var parser: Parser?
        let version: String
        if isJSON, let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] {
            version = object["openapi"] as? String ?? ""
        } else {
            do {
                // As YAMLDecoder reads: no type resolution but merges, so `201:` stays the key "201".
                parser = try Parser(yaml: text, resolver: Resolver.basic.appending(.merge))
                node = try parser?.singleRoot()
            } catch let error as YamlError {
                throw DiagnosticsError([
                    YAMLSyntaxDiagnostic.diagnostic(for: error, text: text, file: file, area: "document")
                ])
            }
            version = node?["openapi"]?.string ?? ""
        }
        guard version.hasPrefix("3.") else {
            throw DiagnosticsError([
                .error(
                    "import-not-openapi",
                    "this is not an OpenAPI 3 document (its 'openapi' is \(ItemText.quote(version)))",
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: "convert Swagger 2.0 documents to OpenAPI 3 first")
            ])
        }
        func decoded<Document: Decodable>(_ type: Document.Type) throws -> Document {
            if let node { return try withExtendedLifetime(parser) { try YAMLDecoder().decode(type, from: node) } }
            return try JSONDecoder().decode(type, from: bytes)
        }
        do {
            if version.hasPrefix("3.0") {
                return try decoded(OpenAPIKit30.OpenAPI.Document.self).convert(to: .v3_1_1)
            }
            return try decoded(OpenAPIKit.OpenAPI.Document.self)
        } catch {
            // OpenAPIKit's error says what is wrong in words and where, as a coding path.
            let (reason, path): (String, [CodingKey])
            if version.hasPrefix("3.0") {
                let described = OpenAPIKit30.OpenAPI.Error(from: error)
                (reason, path) = (described.localizedDescription, described.codingPath)
            } else {
                let described = OpenAPIKit.OpenAPI.Error(from: error)
                (reason, path) = (described.localizedDescription, described.codingPath)
            }
            throw DiagnosticsError([
                .error(
                    "import-invalid-openapi", "the document is not valid OpenAPI: \(reason)",
                    at: location(of: path, in: node, file: file), hint: "fix the document, or validate it first")
            ])
        }
    }

    /// The place a coding path names, found in the YAML tree (the file alone for JSON documents, which are read
    /// without one).
    static func location(of path: [CodingKey], in root: Node?, file: String) -> SourceLocation {
        guard var node = root else { return SourceLocation(file: file) }
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
