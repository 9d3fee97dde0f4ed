import GenCollectionsBase
import Foundation

/// Order-preserving JSON written the way `PostmanJSON.encode` writes a model, so files round-trip byte for byte.
extension JSONValue {
    /// The document as `PostmanJSON.encode` writes it: keys sorted, two-space indent, `"key" : value`, empty
    /// containers over two lines,
    /// unescaped slashes, a final newline. A file parsed from the generator's output renders to the same bytes.
    public func postmanData() -> Data {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        writePostman(to: &out, depth: 0)
        out.append(0x0A)
        return Data(out)
    }

    func writePostman(to out: inout [UInt8], depth: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): PostmanJSONBytes.writeQuoted(text, to: &out)
        case .array(let items):
            PostmanJSONBytes.writeContainer("[", "]", items, depth: depth, to: &out) { item, out in
                item.writePostman(to: &out, depth: depth + 1)
            }
        case .object(let pairs):
            let sorted = pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            PostmanJSONBytes.writeContainer("{", "}", sorted, depth: depth, to: &out) { pair, out in
                PostmanJSONBytes.writeQuoted(pair.key, to: &out)
                out.append(contentsOf: " : ".utf8)
                pair.value.writePostman(to: &out, depth: depth + 1)
            }
        }
    }
}

/// The pieces of `PostmanJSON`'s layout, written as bytes: `JSONValue` and `JSONValueEncoder` share them.
enum PostmanJSONBytes {
    /// An array or object: one element per line, indented two spaces a level; empty ones over two lines, as
    /// `JSONEncoder` writes them.
    static func writeContainer<Element>(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, _ elements: [Element], depth: Int, to out: inout [UInt8],
        element write: (Element, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open))
        out.append(0x0A)
        if elements.isEmpty { out.append(0x0A) }
        for (index, element) in elements.enumerated() {
            pad(depth + 1, &out)
            write(element, &out)
            if index < elements.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        pad(depth, &out)
        out.append(UInt8(ascii: close))
    }

    static func pad(_ depth: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// `JSONValue.quoted(text, escapingLineSeparators: false)`, byte by byte: every escape is of an ASCII byte,
    /// so the other bytes (whole UTF-8 sequences) are copied as they are.
    static func writeQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape: copied in one piece.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case ..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
