/// Why a text is not RFC 8259 JSON, and where: what Newman's `JSON.parse` would reject.
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Lowercase, no final period.
    public var message: String
    /// Byte offset of the offending byte.
    public var offset: Int
    /// 1-based line and column of `offset`.
    public var position: JSONDocument.Position

    public init(message: String, offset: Int, position: JSONDocument.Position) {
        self.message = message
        self.offset = offset
        self.position = position
    }

    public var description: String { "\(position): \(message)" }
}
