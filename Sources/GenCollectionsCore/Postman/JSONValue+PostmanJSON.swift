import GenCollectionsBase
import Foundation

/// Order-preserving JSON written the way `PostmanJSON.encode` writes a model, so files round-trip byte for byte.
extension JSONValue {
    /// The document as `PostmanJSON.encode` writes it: keys sorted, two-space indent, `"key" : value`, empty
    /// containers over two lines,
    /// unescaped slashes, a final newline. A file parsed from the generator's output renders to the same bytes.
    public func postmanData() -> Data {
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
        case .string(let text): out += Self.quoted(text, escapingLineSeparators: false)
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
                out += pad + Self.quoted(pair.key, escapingLineSeparators: false) + " : "
                pair.value.writeSorted(to: &out, depth: depth + 1)
                out += index < sorted.count - 1 ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: depth) + "}"
        }
    }
}
