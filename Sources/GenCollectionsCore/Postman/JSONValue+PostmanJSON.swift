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
        writeSorted(to: &out, depth: 0)
        out.append(0x0A)
        return Data(out)
    }

    private func writeSorted(to out: inout [UInt8], depth: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): Self.writeQuoted(text, to: &out)
        case .array(let items):
            // JSONEncoder writes empty containers over two lines.
            guard !items.isEmpty else {
                out.append(contentsOf: "[\n\n".utf8)
                Self.pad(depth, &out)
                out.append(UInt8(ascii: "]"))
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                Self.pad(depth + 1, &out)
                item.writeSorted(to: &out, depth: depth + 1)
                out.append(contentsOf: (index < items.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.pad(depth, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out.append(contentsOf: "{\n\n".utf8)
                Self.pad(depth, &out)
                out.append(UInt8(ascii: "}"))
                return
            }
            out.append(contentsOf: "{\n".utf8)
            let sorted = pairs.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (index, pair) in sorted.enumerated() {
                Self.pad(depth + 1, &out)
                Self.writeQuoted(pair.key, to: &out)
                out.append(contentsOf: " : ".utf8)
                pair.value.writeSorted(to: &out, depth: depth + 1)
                out.append(contentsOf: (index < sorted.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.pad(depth, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func pad(_ depth: Int, _ out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// `quoted(text, escapingLineSeparators: false)`, byte by byte: every escape is of an ASCII byte, so the
    /// other bytes (whole UTF-8 sequences) are copied as they are.
    private static func writeQuoted(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
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
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
