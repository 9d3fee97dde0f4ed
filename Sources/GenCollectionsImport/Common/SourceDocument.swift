import Foundation
import GenCollectionsBase

/// A JSON document read for import or conversion: its values in order, and its positions, so that a diagnostic
/// names `file:line:column` of the part it is about (found by JSON pointer when it is emitted).
struct SourceDocument {
    let file: String
    let value: JSONValue
    private let positions: JSONDocument

    /// - Throws: `DiagnosticsError` with the syntax error's position.
    init(file: String, bytes: Data) throws {
        self.file = file
        do {
            positions = try JSONDocument.read([UInt8](bytes))
            value = try positions.value()
        } catch let error as JSONSyntaxError {
            throw DiagnosticsError([
                .error(
                    "import-invalid-json", error.message,
                    at: SourceLocation(file: file, line: error.position.line, column: error.position.column),
                    hint: "the file must be JSON, as Postman exports it")
            ])
        }
    }

    /// Where the value at `pointer` starts; the file alone when the pointer names nothing.
    func location(_ pointer: JSONPointer) -> SourceLocation {
        guard let node = positions.node(atPointer: pointer.text) else { return SourceLocation(file: file) }
        let position = positions.position(of: node)
        return SourceLocation(file: file, line: position.line, column: position.column)
    }
}

/// An RFC 6901 pointer built while walking a document.
struct JSONPointer: Hashable, CustomStringConvertible {
    private(set) var text = ""

    static let root = JSONPointer()

    func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.text += "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return copy
    }

    func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    static func / (pointer: JSONPointer, token: String) -> JSONPointer { pointer.appending(token) }
    static func / (pointer: JSONPointer, index: Int) -> JSONPointer { pointer.appending(index) }

    var description: String { text.isEmpty ? "/" : text }
}
