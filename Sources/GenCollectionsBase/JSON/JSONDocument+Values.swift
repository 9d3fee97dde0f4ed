/// Reading leaf values: strings are decoded on demand, numbers stay as their literal text.
extension JSONDocument {
    /// The decoded text of a string node, or nil for any other kind.
    public func string(_ index: Int) -> String? {
        guard kind(index) == .string else { return nil }
        let node = nodes[index]
        let start = Int(node.start) + 1, end = Int(node.end) - 1
        if !node.escaped {
            return bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
            }
        }
        return Self.unescape(bytes[start..<end])
    }

    /// The string value of member `name`, if it is a string.
    public func string(_ index: Int, _ name: String) -> String? {
        member(index, name).flatMap { string($0) }
    }

    /// The literal text of a number node (e.g. `1e400`), or nil for any other kind.
    public func numberText(_ index: Int) -> String? {
        guard kind(index) == .number else { return nil }
        return String(decoding: bytes[byteRange(index)], as: UTF8.self)
    }

    /// The value of a `true`/`false` node, or nil for any other kind.
    public func bool(_ index: Int) -> Bool? {
        switch kind(index) {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    /// Whether member `name` of an object is the literal `true`.
    public func isTrue(_ index: Int, _ name: String) -> Bool {
        member(index, name).map { kind($0) == .true } ?? false
    }

    /// The raw source text of any node, as written.
    public func sourceText(_ index: Int) -> String {
        String(decoding: bytes[byteRange(index)], as: UTF8.self)
    }

    /// Whether string node `index` holds exactly `wanted` (compared without decoding when it has no escapes).
    func stringEquals(_ index: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = nodes[index]
        guard node.kind == .string else { return false }
        if node.escaped { return string(index).map { Array($0.utf8) == Array(wanted) } ?? false }
        let start = Int(node.start) + 1, length = Int(node.end) - 1 - start
        guard length == wanted.count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            for offset in 0..<length where all[start + offset] != wanted[offset] { return false }
            return true
        }
    }

    /// Decodes the escapes of a string body the reader has already validated.
    public static func unescape(_ body: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var index = body.startIndex
        func flush() {
            if !utf8.isEmpty {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars); utf8.removeAll()
            }
        }
        func hex4(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for byte in body[at..<at + 4] { value = value << 4 | UInt32(hexValue(byte)) }
            return value
        }
        while index < body.endIndex {
            let byte = body[index]
            guard byte == UInt8(ascii: "\\") else { utf8.append(byte); index += 1; continue }
            let escape = body[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "u"):
                flush()
                var code = hex4(index)
                index += 4
                if (0xD800..<0xDC00).contains(code), index + 6 <= body.endIndex, body[index] == UInt8(ascii: "\\"),
                    body[index + 1] == UInt8(ascii: "u")
                {
                    let low = hex4(index + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        index += 6
                    }
                }
                scalars.append(Unicode.Scalar(code) ?? "\u{FFFD}")
            default: utf8.append(escape)  // \" \\ \/
            }
        }
        flush()
        return String(scalars)
    }

    /// The value of an ASCII hex digit (the reader has checked it is one).
    static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return byte - UInt8(ascii: "A") + 10
        }
    }
}
