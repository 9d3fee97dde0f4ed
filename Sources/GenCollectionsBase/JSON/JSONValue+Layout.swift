import Foundation

/// How a JSON file is laid out: the two layouts every file of the tool is written in.
public enum JSONLayout: String, Sendable, CaseIterable {
    /// The generator's: keys sorted by their UTF-8, two-space indent, `"key" : value`, empty containers over two
    /// lines (Foundation's `JSONEncoder` with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`), a final
    /// newline. Stable whatever order a value was built in, so review diffs show only real changes.
    case canonical
    /// The Postman app's exports, `JSON.stringify(value, null, "\t")`: keys in the value's order, tab indent,
    /// `"key": value`, `[]` and `{}`, and JavaScript's escapes. A file the app wrote reads and writes back byte for byte.
    case postman

    /// The layout a file was written in: the app's when its first member is indented with a tab, else canonical.
    public static func of(_ bytes: some Collection<UInt8>) -> JSONLayout {
        let text = Array(bytes.dropFirst(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0).prefix(3))
        return text.starts(with: Array("{\n\t".utf8)) || text.starts(with: Array("[\n\t".utf8)) ? .postman : .canonical
    }
}

extension JSONValue {
    /// The document in `layout`; `finalNewline: false` leaves the newline out, as the Postman app does.
    public func data(_ layout: JSONLayout, finalNewline: Bool = true) -> Data {
        var out = ByteBuffer()
        write(layout, to: &out, depth: 0)
        if finalNewline { out.append(0x0A) }
        return out.data()
    }

    /// Writes the document in `layout` to the open file `descriptor` as it is made, with a final newline; the
    /// elements of its array member `key` (empty in `self`) are made by `element` one at a time and written as
    /// soon as made, so that they are never in memory together. The same bytes as `data(layout)` of the object
    /// that holds them all. Returns the first failed write, if any.
    public func write(
        _ layout: JSONLayout, toFile descriptor: Int32, streaming key: String, count: Int,
        element: (Int) -> JSONValue
    ) -> SystemError? {
        var out = ByteBuffer(draining: descriptor)
        write(layout, to: &out, streaming: key, count: count, element: element)
        return out.finish()
    }

    /// Whether `write(layout, toFile:streaming:…)` would write exactly `expected`: the bytes are made and compared
    /// a piece at a time, and no element is made after the first piece that differs.
    public func writes(
        _ expected: Data, _ layout: JSONLayout, streaming key: String, count: Int, element: (Int) -> JSONValue
    ) -> Bool {
        expected.withUnsafeBytes { bytes in
            var out = ByteBuffer(comparingWith: bytes)
            write(layout, to: &out, streaming: key, count: count, element: element)
            return out.finishComparing()
        }
    }

    private func write(
        _ layout: JSONLayout, to out: inout ByteBuffer, streaming key: String, count: Int,
        element: (Int) -> JSONValue
    ) {
        guard case .object(let pairs) = self, pairs.contains(where: { $0.key == key }) else {
            preconditionFailure("write(_:streaming:): no member \(key) to stream")
        }
        let members = layout == .canonical ? Self.sortedByKey(pairs) : pairs
        JSONBytes.writeContainer("{", "}", members, layout: layout, depth: 0, to: &out) { pair, out in
            JSONBytes.writeQuoted(pair.key, to: &out)
            out.append(layout == .canonical ? " : " : ": ")
            guard pair.key == key else { return pair.value.write(layout, to: &out, depth: 1) }
            JSONBytes.writeContainer("[", "]", Array(0..<count), layout: layout, depth: 1, to: &out) { index, out in
                // Once a write has failed or the bytes differ, the rest are not worth making.
                guard !out.isSpoilt else { return }
                element(index).write(layout, to: &out, depth: 2)
            }
        }
        out.append(0x0A)
    }

    /// The document as the generator writes its files: `data(.canonical)`. A file parsed from the generator's
    /// output renders to the same bytes.
    public func postmanData() -> Data { data(.canonical) }

    func write(_ layout: JSONLayout, to out: inout ByteBuffer, depth: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let flag): out.append(flag ? "true" : "false")
        case .number(let text): out.append(text)
        case .string(let text): JSONBytes.writeQuoted(text, to: &out)
        case .array(let items):
            JSONBytes.writeContainer("[", "]", items, layout: layout, depth: depth, to: &out) { item, out in
                item.write(layout, to: &out, depth: depth + 1)
            }
        case .object(let pairs):
            let members = layout == .canonical ? Self.sortedByKey(pairs) : pairs
            JSONBytes.writeContainer("{", "}", members, layout: layout, depth: depth, to: &out) { pair, out in
                JSONBytes.writeQuoted(pair.key, to: &out)
                out.append(layout == .canonical ? " : " : ": ")
                pair.value.write(layout, to: &out, depth: depth + 1)
            }
        }
    }
}

extension JSONValue {
    /// Members in the UTF-8 order of their keys; as they are when they already are (no copy).
    static func sortedByKey(_ pairs: [(key: String, value: JSONValue)]) -> [(key: String, value: JSONValue)] {
        func precedes(_ left: String, _ right: String) -> Bool { left.utf8.lexicographicallyPrecedes(right.utf8) }
        let isSorted = pairs.indices.dropFirst().allSatisfy { !precedes(pairs[$0].key, pairs[$0 - 1].key) }
        return isSorted ? pairs : pairs.sorted { precedes($0.key, $1.key) }
    }
}

/// The pieces of both layouts, written as bytes.
enum JSONBytes {
    /// An array or object, one element per line. Canonical: two spaces a level, empty ones over two lines (as
    /// `JSONEncoder` writes them); Postman: a tab a level, empty ones as `[]` and `{}` (as `JSON.stringify`).
    static func writeContainer<Element>(
        _ open: Unicode.Scalar, _ close: Unicode.Scalar, _ elements: [Element], layout: JSONLayout = .canonical,
        depth: Int, to out: inout ByteBuffer, element write: (Element, inout ByteBuffer) -> Void
    ) {
        out.append(UInt8(ascii: open))
        if elements.isEmpty && layout == .postman {
            out.append(UInt8(ascii: close))
            return
        }
        out.append(0x0A)
        if elements.isEmpty { out.append(0x0A) }
        for (index, element) in elements.enumerated() {
            pad(depth + 1, layout, &out)
            write(element, &out)
            if index < elements.count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(0x0A)
        }
        pad(depth, layout, &out)
        out.append(UInt8(ascii: close))
    }

    static func pad(_ depth: Int, _ layout: JSONLayout, _ out: inout ByteBuffer) {
        if layout == .postman {
            out.append(0x09, times: depth)
        } else {
            out.append(UInt8(ascii: " "), times: 2 * depth)
        }
    }

    /// A string literal with the escapes `JSONEncoder` and `JSON.stringify` agree on: `\"`, `\\`, `\n`, `\r`, `\t`,
    /// `\b`, `\f`, `\u00xx` for the other control characters, nothing else (slashes, U+2028 and DEL stay as they
    /// are). Every escape is of an ASCII byte, so the other bytes (whole UTF-8 sequences) are copied as they are.
    /// - Parameter escapingLineSeparators: also write U+2028 and U+2029 as `\u2028` and `\u2029` (for script text:
    ///   older JavaScript engines reject them in string literals).
    static func writeQuoted(_ text: String, to out: inout ByteBuffer, escapingLineSeparators: Bool = false) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // The runs between escapes are copied in one piece: most text has none, and is checked eight bytes
            // at a time.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count,
                    !mayNeedEscape(
                        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self),
                        lineSeparators: escapingLineSeparators)
                {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9; their last two bytes never start an escape.
                if escapingLineSeparators, byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    out.append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 3
                    runStart = index
                    continue
                }
                guard let escape = escape(byte) else {
                    index += 1
                    continue
                }
                out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(UInt8(ascii: "\\"))
                if escape == UInt8(ascii: "u") {
                    let (high, low) = Hex.digits(of: byte)
                    out.append("u00")
                    out.append(high)
                    out.append(low)
                } else {
                    out.append(escape)
                }
                index += 1
                runStart = index
            }
            out.append(UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` may start an escape: a control character, `"`, `\`, or (for
    /// `lineSeparators`) the E2 that begins U+2028 and U+2029. False means none does (the bit tricks of "Bit
    /// Twiddling Hacks": a byte below 0x20, a byte equal to another once XORed to zero).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64, lineSeparators: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ word: UInt64, _ limit: UInt64) -> Bool { (word &- ones &* limit) & ~word & highs != 0 }
        func hasByte(_ byte: UInt64) -> Bool { hasByteBelow(word ^ (ones &* byte), 1) }
        return hasByteBelow(word, 0x20) || hasByte(0x22) || hasByte(0x5C) || (lineSeparators && hasByte(0xE2))
    }

    /// The letter after the backslash that escapes `byte` (`u` for `\u00xx`), or nil when it stands as it is.
    private static func escape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): return byte
        case 0x0A: return UInt8(ascii: "n")
        case 0x0D: return UInt8(ascii: "r")
        case 0x09: return UInt8(ascii: "t")
        case 0x08: return UInt8(ascii: "b")
        case 0x0C: return UInt8(ascii: "f")
        case ..<0x20: return UInt8(ascii: "u")
        default: return nil
        }
    }
}
