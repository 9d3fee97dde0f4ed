import Foundation

/// Accessors and edits on order-preserving JSON, for the drift checker and the mergers.
extension JSONValue {
    /// The members of an object, or nil.
    var members: [(key: String, value: JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    /// The items of an array, or nil.
    var items: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string, or nil.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// An object member; setting nil removes it, setting a new key appends it (so existing order is kept).
    subscript(key: String) -> JSONValue? {
        get { members?.first { $0.key == key }?.value }
        set {
            guard case .object(var pairs) = self else { return }
            if let position = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[position].value = newValue } else { pairs.remove(at: position) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
            self = .object(pairs)
        }
    }

    /// The document as `PostmanJSON.encode` writes it: keys sorted, two-space indent, `"key" : value`, empty
    /// containers over two lines,
    /// unescaped slashes, a final newline. A file parsed from the generator's output renders to the same bytes.
    func postmanData() -> Data {
        var out = ""
        writeSorted(to: &out, depth: 0)
        out += "\n"
        return Data(out.utf8)
    }

    private func writeSorted(to out: inout String, depth: Int) {
        let pad = String(repeating: "  ", count: depth + 1)
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): out += Self.encoderQuoted(text)
        case .array(let items):
            // JSONEncoder writes empty containers over two lines.
            guard !items.isEmpty else {
                out += "[\n\n" + String(repeating: "  ", count: depth) + "]"
                return
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.writeSorted(to: &out, depth: depth + 1)
                out += index < items.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: depth) + "]"
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += "{\n\n" + String(repeating: "  ", count: depth) + "}"
                return
            }
            out += "{\n"
            let sorted = pairs.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
            for (index, pair) in sorted.enumerated() {
                out += pad + Self.encoderQuoted(pair.key) + " : "
                pair.value.writeSorted(to: &out, depth: depth + 1)
                out += index < sorted.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: depth) + "}"
        }
    }

    /// String escaping as Foundation's `JSONEncoder` does it with `.withoutEscapingSlashes`.
    static func encoderQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
