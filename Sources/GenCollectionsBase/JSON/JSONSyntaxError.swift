/// Why a text is not JSON the tool reads, and where: what Newman's `JSON.parse` would reject, or what the shared
/// policy refuses (see `JSONDocument.read`).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Lowercase, no final period.
    public var message: String
    /// Byte offset of the offending byte.
    public var offset: Int
    /// 1-based line and column of `offset`.
    public var position: JSONDocument.Position
    /// `json-syntax`, or the policy's `duplicate-key`, `lone-surrogate`, `json-depth`: the diagnostic id.
    public var id: String
    /// What to do about it, when there is more to say than the message.
    public var hint: String?

    public init(
        message: String, offset: Int, position: JSONDocument.Position, id: String = "json-syntax", hint: String? = nil
    ) {
        self.message = message
        self.offset = offset
        self.position = position
        self.id = id
        self.hint = hint
    }

    public var description: String { "\(position): \(message)" }
}
