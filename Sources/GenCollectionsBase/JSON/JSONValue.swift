import Foundation

/// A JSON value that keeps the key order it was written in, for request bodies and claims.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's literal text, so `1.50` stays `1.50`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .number(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rendered(indent: nil)) }

    /// Every string inside, keys excluded, in document order.
    public var strings: [String] {
        switch self {
        case let .string(text): return [text]
        case let .array(items): return items.flatMap(\.strings)
        case let .object(pairs): return pairs.flatMap(\.value.strings)
        default: return []
        }
    }

    /// JSON text. With an indent, one member per line (as Postman shows bodies); without, compact.
    public func rendered(indent: String? = "  ") -> String {
        var out = ByteBuffer(capacity: 256)
        write(to: &out, indent: indent.map { Array($0.utf8) }, depth: 0)
        return out.text()
    }

    /// Keys in their order, `": "` with an indent and `":"` without, `[]` and `{}` for empty containers.
    private func write(to out: inout ByteBuffer, indent: [UInt8]?, depth: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            out.append(0x0A)
            for _ in 0..<level { indent.withUnsafeBufferPointer { out.append($0) } }
        }
        switch self {
        case .null: out.append("null")
        case let .bool(flag): out.append(flag ? "true" : "false")
        case let .number(text): out.append(text)
        case let .string(text): JSONBytes.writeQuoted(text, to: &out, escapingLineSeparators: true)
        case let .array(items):
            guard !items.isEmpty else { return out.append("[]") }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                item.write(to: &out, indent: indent, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            guard !pairs.isEmpty else { return out.append("{}") }
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                JSONBytes.writeQuoted(pair.key, to: &out, escapingLineSeparators: true)
                out.append(indent == nil ? ":" : ": ")
                pair.value.write(to: &out, indent: indent, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal, escaped as Foundation's `JSONEncoder` does with `.withoutEscapingSlashes`.
    /// - Parameter escapingLineSeparators: also escape U+2028 and U+2029, which older JavaScript engines do not
    ///   accept in string literals (for script text); off to match `JSONEncoder` byte for byte.
    public static func quoted(_ text: String, escapingLineSeparators: Bool = true) -> String {
        var out = ByteBuffer(capacity: text.utf8.count + 2)
        JSONBytes.writeQuoted(text, to: &out, escapingLineSeparators: escapingLineSeparators)
        return out.text()
    }
}
