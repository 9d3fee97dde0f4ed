import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// `import openapi`: an OpenAPI 3.0 or 3.1 document becomes a spec with one step per operation.
public enum OpenAPIImport {
    public static func spec(fromDocument bytes: Data, file: String) throws -> ImportResult {
        throw DiagnosticsError([.error("import-not-implemented", "not yet", at: SourceLocation(file: file))])
    }
}
