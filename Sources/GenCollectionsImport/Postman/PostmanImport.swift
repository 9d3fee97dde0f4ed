import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// `import postman`: an existing Postman collection (v2.0 or v2.1) becomes a spec that generates it again.
///
/// Folders become flows (a nested folder becomes a flow named by its path, `Parent / Child`, after its parent's),
/// requests become steps, collection variables and the environment file's values become variables, and the
/// collection's scripts are kept verbatim (`scripts`), except the tool's own generated tests, which become
/// expectations and captures again. What the spec cannot say is a warning naming the place in the collection.
public enum PostmanImport {
    /// - Parameters:
    ///   - file: the collection's path, for diagnostics and the spec name (`NAME.postman_collection.json`).
    ///   - environment: a Postman environment file whose values become the variables' defaults.
    /// - Throws: `DiagnosticsError` when the file is not a Postman collection.
    public static func spec(
        fromCollection bytes: Data, file: String, environment: (bytes: Data, file: String)? = nil
    ) throws -> ImportResult {
        let document = try SourceDocument(file: file, bytes: bytes)
        let environmentDocument = try environment.map { try SourceDocument(file: $0.file, bytes: $0.bytes) }
        var importer = PostmanImporter(document: document, environment: environmentDocument)
        let spec = try importer.run()
        return ImportResult(spec: spec, diagnostics: importer.diagnostics)
    }

    /// The spec name for a collection file: its stem before `.postman_collection.json` (or `.json`), so that the
    /// generated bundle has the same file name; else the collection's name in kebab case.
    static func specName(file: String, title: String) -> String {
        var stem = (file as NSString).lastPathComponent
        for suffix in [".postman_collection.json", ".json"] where stem.hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
            break
        }
        let allowed = stem.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        if allowed, !stem.isEmpty, !stem.hasPrefix("."), !stem.hasPrefix("-") { return stem }
        let key = Spec.defaultKey(for: title)
        return key.isEmpty ? "imported-collection" : key
    }
}
