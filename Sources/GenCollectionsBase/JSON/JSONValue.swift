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
        var out = ""
        write(to: &out, indent: indent, depth: 0)
        return out
    }

    private func write(to out: inout String, indent: String?, depth: Int) {
        let newline = indent == nil ? "" : "\n"
        let pad = { (level: Int) in String(repeating: indent ?? "", count: level) }
        let colon = indent == nil ? ":" : ": "
        switch self {
        case .null: out += "null"
        case let .bool(flag): out += flag ? "true" : "false"
        case let .number(text): out += text
        case let .string(text): out += JSONValue.quoted(text)
        case let .array(items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad(depth + 1)
                item.write(to: &out, indent: indent, depth: depth + 1)
                out += (index < items.count - 1 ? "," : "") + newline
            }
            out += pad(depth) + "]"
        case let .object(pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{" + newline
            for (index, pair) in pairs.enumerated() {
                out += pad(depth + 1) + JSONValue.quoted(pair.key) + colon
                pair.value.write(to: &out, indent: indent, depth: depth + 1)
                out += (index < pairs.count - 1 ? "," : "") + newline
            }
            out += pad(depth) + "}"
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
