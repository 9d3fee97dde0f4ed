/// A strict RFC 8259 JSON reader over bytes that keeps positions and never recurses.
///
/// Rejects what Newman's `JSON.parse` rejects (trailing commas, comments, single quotes, leading zeros,
/// bad escapes, raw control characters, invalid UTF-8) and accepts what it accepts (any nesting depth,
/// numbers such as `1e400`, kept as text). A leading UTF-8 byte order mark is skipped, as Newman does.
public enum JSONReader {
    /// Parses `bytes` into a document.
    /// - Parameter bytes: the JSON text.
    /// - Returns: the document with positions.
    /// - Throws: `JSONSyntaxError` at the first byte that is not valid JSON.
    public static func parse(_ bytes: [UInt8]) throws -> JSONDocument {
        guard bytes.count < Int(UInt32.max) else {
            throw JSONSyntaxError(
                message: "the file is larger than 4 GB", offset: 0, position: .init(line: 1, column: 1))
        }
        var parser = Parser()
        do {
            try bytes.withUnsafeBufferPointer { try parser.run($0) }
        } catch let failure as Parser.Failure {
            let offset = min(failure.offset, bytes.count)
            throw JSONSyntaxError(message: failure.message, offset: offset, position: position(of: offset, in: bytes))
        }
        return JSONDocument(bytes: bytes, nodes: parser.nodes, lineStarts: parser.lineStarts)
    }

    /// Parses UTF-8 text (convenience for tests and examples).
    public static func parse(_ text: String) throws -> JSONDocument { try parse(Array(text.utf8)) }

    /// Position of an offset by counting lines from the start (used once, for the error).
    static func position(of offset: Int, in bytes: [UInt8]) -> JSONDocument.Position {
        var line = 1, lineStart = 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return .init(line: line, column: JSONDocument.column(in: bytes, from: lineStart, to: offset))
    }
}

/// The state machine; containers are kept on an explicit stack.
private struct Parser {
    struct Failure: Error {
        var message: String
        var offset: Int
    }

    var nodes: [JSONDocument.Node] = []
    var lineStarts: [UInt32] = []
    private var stack: [Int] = []

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    mutating func run(_ input: UnsafeBufferPointer<UInt8>) throws {
        nodes.reserveCapacity(max(16, input.count / 12))
        var pos = 0
        if input.count >= 3, input[0] == 0xEF, input[1] == 0xBB, input[2] == 0xBF { pos = 3 }
        pos = skipWhitespace(input, pos)
        parsing: while true {
            // A value starts at `pos`.
            guard pos < input.count else { throw Failure(message: expectedValueMessage(), offset: pos) }
            let byte = input[pos]
            switch byte {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte == UInt8(ascii: "{")
                stack.append(open(isObject ? .object : .array, at: pos))
                pos = skipWhitespace(input, pos + 1)
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if pos < input.count, input[pos] == closer {
                    close(at: pos + 1)
                    pos += 1
                } else if isObject {
                    pos = try readKey(input, pos)
                    continue parsing
                } else {
                    continue parsing
                }
            case Self.quote:
                pos = try readString(input, pos)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                pos = try readNumber(input, pos)
            case UInt8(ascii: "t"):
                pos = try readLiteral(input, pos, "true", .true)
            case UInt8(ascii: "f"):
                pos = try readLiteral(input, pos, "false", .false)
            case UInt8(ascii: "n"):
                pos = try readLiteral(input, pos, "null", .null)
            default:
                throw Failure(message: unexpectedMessage(byte, expecting: "a value"), offset: pos)
            }
            // After a value: a comma, a closer, or the end of the text.
            while true {
                pos = skipWhitespace(input, pos)
                guard let top = stack.last else {
                    guard pos == input.count else {
                        throw Failure(
                            message: "unexpected \(describe(input[pos])) after the end of the JSON value", offset: pos)
                    }
                    return
                }
                let isObject = nodes[top].kind == .object
                let closer = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
                guard pos < input.count else {
                    throw Failure(
                        message: "unexpected end of input, expected ',' or '\(Character(Unicode.Scalar(closer)))'",
                        offset: pos)
                }
                let byte = input[pos]
                if byte == closer {
                    close(at: pos + 1)
                    pos += 1
                    continue
                }
                guard byte == UInt8(ascii: ",") else {
                    throw Failure(
                        message: unexpectedMessage(byte, expecting: "',' or '\(Character(Unicode.Scalar(closer)))'"),
                        offset: pos)
                }
                let comma = pos
                pos = skipWhitespace(input, pos + 1)
                if pos < input.count, input[pos] == closer {
                    throw Failure(
                        message: "trailing comma before '\(Character(Unicode.Scalar(closer)))' (newman rejects it)",
                        offset: comma)
                }
                if isObject { pos = try readKey(input, pos) }
                continue parsing
            }
        }
    }

    // MARK: - Nodes

    private mutating func open(_ kind: JSONDocument.Kind, at start: Int) -> Int {
        let parent = stack.last.map(UInt32.init) ?? JSONDocument.noParent
        nodes.append(.init(kind: kind, escaped: false, start: UInt32(start), end: 0, next: 0, parent: parent))
        return nodes.count - 1
    }

    private mutating func leaf(_ kind: JSONDocument.Kind, _ start: Int, _ end: Int, escaped: Bool = false) {
        let parent = stack.last.map(UInt32.init) ?? JSONDocument.noParent
        let index = UInt32(nodes.count)
        nodes.append(
            .init(
                kind: kind, escaped: escaped, start: UInt32(start), end: UInt32(end), next: index + 1,
                parent: parent))
    }

    private mutating func close(at end: Int) {
        let index = stack.removeLast()
        nodes[index].end = UInt32(end)
        nodes[index].next = UInt32(nodes.count)
    }

    // MARK: - Tokens

    private mutating func skipWhitespace(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var pos = start
        while pos < input.count {
            switch input[pos] {
            case 0x20, 0x09, 0x0D: pos += 1
            case 0x0A:
                pos += 1
                lineStarts.append(UInt32(truncatingIfNeeded: pos))
            default: return pos
            }
        }
        return pos
    }

    /// Reads `"key"`, whitespace and the colon; returns the position of the value.
    private mutating func readKey(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        guard start < input.count else {
            throw Failure(message: "unexpected end of input, expected a key", offset: start)
        }
        guard input[start] == Self.quote else {
            let byte = input[start]
            let message =
                byte == UInt8(ascii: "'")
                ? "keys must use double quotes"
                : unexpectedMessage(byte, expecting: "a key in double quotes")
            throw Failure(message: message, offset: start)
        }
        var pos = skipWhitespace(input, try readString(input, start))
        guard pos < input.count, input[pos] == UInt8(ascii: ":") else {
            throw Failure(
                message: pos < input.count
                    ? unexpectedMessage(input[pos], expecting: "':'")
                    : "unexpected end of input, expected ':'", offset: pos)
        }
        pos = skipWhitespace(input, pos + 1)
        return pos
    }

    private mutating func readString(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        var pos = start + 1
        var escaped = false
        let count = input.count
        while pos < count {
            let byte = input[pos]
            if byte == Self.quote {
                leaf(.string, start, pos + 1, escaped: escaped)
                return pos + 1
            }
            if byte == Self.backslash {
                escaped = true
                pos = try readEscape(input, pos)
            } else if byte < 0x20 {
                throw Failure(message: "unescaped control character \(describe(byte)) in a string", offset: pos)
            } else if byte < 0x80 {
                pos += 1
            } else {
                pos = try readUTF8(input, pos)
            }
        }
        throw Failure(message: "unterminated string", offset: start)
    }

    private func readEscape(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        guard start + 1 < input.count else { throw Failure(message: "unterminated string", offset: start) }
        switch input[start + 1] {
        case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "r"), UInt8(ascii: "t"):
            return start + 2
        case UInt8(ascii: "u"):
            guard start + 6 <= input.count else { throw Failure(message: "unterminated string", offset: start) }
            for pos in start + 2..<start + 6 where !isHexDigit(input[pos]) {
                throw Failure(message: "invalid unicode escape: '\\u' needs four hex digits", offset: start)
            }
            return start + 6
        default:
            throw Failure(message: "invalid escape '\\\(describeRaw(input[start + 1]))' in a string", offset: start)
        }
    }

    /// Validates one multi-byte UTF-8 sequence (no overlongs, no surrogates, nothing past U+10FFFF).
    private func readUTF8(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        let lead = input[start]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default:
            throw Failure(message: "invalid UTF-8 byte 0x\(String(lead, radix: 16, uppercase: true))", offset: start)
        }
        guard start + length <= input.count else { throw Failure(message: "truncated UTF-8 sequence", offset: start) }
        let second = input[start + 1]
        guard second >= low, second <= high else {
            throw Failure(
                message: "invalid UTF-8 sequence starting with 0x\(String(lead, radix: 16, uppercase: true))",
                offset: start)
        }
        for pos in start + 2..<start + length where input[pos] & 0xC0 != 0x80 {
            throw Failure(
                message: "invalid UTF-8 sequence starting with 0x\(String(lead, radix: 16, uppercase: true))",
                offset: start)
        }
        return start + length
    }

    private mutating func readNumber(_ input: UnsafeBufferPointer<UInt8>, _ start: Int) throws -> Int {
        var pos = start
        let count = input.count
        func digits(_ from: Int) -> Int {
            var pos = from
            while pos < count, input[pos] &- UInt8(ascii: "0") < 10 { pos += 1 }
            return pos
        }
        if input[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < count, input[pos] &- UInt8(ascii: "0") < 10 else {
            throw Failure(message: "a number needs a digit after '-'", offset: pos)
        }
        if input[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < count, input[pos] &- UInt8(ascii: "0") < 10 {
                throw Failure(message: "numbers cannot have leading zeros", offset: start)
            }
        } else {
            pos = digits(pos)
        }
        if pos < count, input[pos] == UInt8(ascii: ".") {
            let afterPoint = digits(pos + 1)
            guard afterPoint > pos + 1 else {
                throw Failure(message: "a number needs a digit after '.'", offset: pos + 1)
            }
            pos = afterPoint
        }
        if pos < count, input[pos] | 0x20 == UInt8(ascii: "e") {
            pos += 1
            if pos < count, input[pos] == UInt8(ascii: "+") || input[pos] == UInt8(ascii: "-") { pos += 1 }
            let afterExponent = digits(pos)
            guard afterExponent > pos else {
                throw Failure(message: "a number needs a digit in its exponent", offset: pos)
            }
            pos = afterExponent
        }
        leaf(.number, start, pos)
        return pos
    }

    private mutating func readLiteral(
        _ input: UnsafeBufferPointer<UInt8>, _ start: Int, _ word: StaticString,
        _ kind: JSONDocument.Kind
    ) throws -> Int {
        let length = word.utf8CodeUnitCount
        guard start + length <= input.count,
            (0..<length).allSatisfy({ input[start + $0] == word.utf8Start[$0] })
        else {
            throw Failure(message: unexpectedMessage(input[start], expecting: "a value"), offset: start)
        }
        leaf(kind, start, start + length)
        return start + length
    }

    // MARK: - Messages

    private func isHexDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 6
    }

    private func expectedValueMessage() -> String { "unexpected end of input, expected a value" }

    private func unexpectedMessage(_ byte: UInt8, expecting: String) -> String {
        switch byte {
        case UInt8(ascii: "/"): return "comments are not allowed in JSON"
        case UInt8(ascii: "'"): return "strings must use double quotes"
        case UInt8(ascii: "]"), UInt8(ascii: "}"): return "unexpected \(describe(byte)), expected \(expecting)"
        default: return "unexpected \(describe(byte)), expected \(expecting)"
        }
    }

    private func describeRaw(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F
            ? String(Character(Unicode.Scalar(byte))) : "0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x0A: return "newline"
        case 0x09: return "tab"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        default: return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
    }
}
