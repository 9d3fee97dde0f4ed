/// The one policy for the JSON every command reads (`lint`, `check`, `sync`, `generate --env`, `fetch-env`, …):
/// RFC 8259 as Newman's `JSON.parse` reads it (`JSONReader`), and nothing a tool could read two ways.
///
/// A repeated key (JavaScript keeps the last value, a merge would have to pick one) and a lone surrogate escape
/// such as `"\ud800"` (JavaScript keeps it, Swift and Python turn it into U+FFFD, so a rewrite would change the
/// text) are errors everywhere, at the same position and in the same words. Numbers are kept as written (`1e400`,
/// `1.50`), so a rewrite never changes one.
extension JSONDocument {
    /// Something the reader accepts but the policy refuses.
    public struct PolicyViolation: Sendable, Hashable {
        /// `duplicate-key` or `lone-surrogate`: the lint rule that reports it, and the diagnostic id.
        public var id: String
        /// Lowercase, no final period.
        public var message: String
        /// What to do about it.
        public var hint: String
        /// The node at fault: the repeated key, or the string holding the escape.
        public var node: Int
        /// Byte offset of the fault in the text.
        public var offset: Int
    }

    /// The deepest nesting a value may have: deeper documents would overflow the stack of the recursive code that
    /// compares and writes values.
    public static let maximumValueDepth = 512

    /// Reads `bytes` under the policy.
    /// - Throws: `JSONSyntaxError` for text that is not JSON and for the first policy violation.
    public static func read(_ bytes: [UInt8]) throws -> JSONDocument {
        let document = try JSONReader.parse(bytes)
        if let violation = document.policyViolations().first {
            throw JSONSyntaxError(
                message: violation.message, offset: violation.offset,
                position: document.position(ofOffset: violation.offset), id: violation.id, hint: violation.hint)
        }
        return document
    }

    /// Every violation, in document order.
    public func policyViolations() -> [PolicyViolation] {
        (duplicateKeys() + loneSurrogates()).sorted { $0.offset < $1.offset }
    }

    /// Keys equal to an earlier key of the same object, in document order. Keys compare by their decoded UTF-8, as
    /// JavaScript compares them: `"é"` and `"e\u0301"` are two keys, although Swift's `String` calls them equal.
    public func duplicateKeys() -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        var keys: [Int] = []
        for object in 0..<nodeCount where kind(object) == .object {
            keys.removeAll(keepingCapacity: true)
            var key = object + 1
            let end = next(object)
            while key < end {
                keys.append(key)
                key = next(key + 1)
            }
            guard keys.count > 1 else { continue }
            if keys.count <= 16 {
                // Few keys: compared pairwise, without hashing or copying.
                for (position, key) in keys.enumerated() where keys[..<position].contains(where: { sameKey($0, key) }) {
                    violations.append(duplicate(key))
                }
            } else {
                var seen: Set<[UInt8]> = []
                for key in keys where !seen.insert(keyBytes(key)).inserted { violations.append(duplicate(key)) }
            }
        }
        return violations
    }

    private func duplicate(_ key: Int) -> PolicyViolation {
        let name = String(decoding: keyBytes(key), as: UTF8.self)
        return PolicyViolation(
            id: "duplicate-key", message: "duplicate key '\(name)': newman keeps only the last value",
            hint: "remove or merge the duplicate", node: key, offset: offset(key))
    }

    private func sameKey(_ lhs: Int, _ rhs: Int) -> Bool {
        if nodes[lhs].escaped || nodes[rhs].escaped { return keyBytes(lhs) == keyBytes(rhs) }
        return bytes[byteRange(lhs)] == bytes[byteRange(rhs)]
    }

    /// The decoded bytes of a key, without decoding when it has no escape.
    private func keyBytes(_ key: Int) -> [UInt8] {
        if nodes[key].escaped { return Array((string(key) ?? "").utf8) }
        return Array(bytes[(Int(nodes[key].start) + 1)..<(Int(nodes[key].end) - 1)])
    }

    /// `\uD800`–`\uDFFF` escapes that are not a high surrogate followed by a low one, in document order.
    public func loneSurrogates() -> [PolicyViolation] {
        (0..<nodeCount).filter { kind($0) == .string && nodes[$0].escaped }.flatMap(loneSurrogates(in:))
    }

    private func loneSurrogates(in index: Int) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        var position = Int(nodes[index].start) + 1
        let end = Int(nodes[index].end) - 1
        func code(at escape: Int) -> UInt32? {
            guard escape + 6 <= end, bytes[escape] == UInt8(ascii: "\\"), bytes[escape + 1] == UInt8(ascii: "u")
            else { return nil }
            return bytes[(escape + 2)..<(escape + 6)].reduce(0) { $0 << 4 | UInt32(Self.hexValue($1)) }
        }
        while position < end {
            guard bytes[position] == UInt8(ascii: "\\") else {
                position += 1
                continue
            }
            guard let value = code(at: position) else {
                position += 2  // \" \\ \/ \b \f \n \r \t
                continue
            }
            if (0xD800..<0xDC00).contains(value), let low = code(at: position + 6), (0xDC00..<0xE000).contains(low) {
                position += 12
                continue
            }
            if (0xD800..<0xE000).contains(value) {
                let escape = String(decoding: bytes[position..<(position + 6)], as: UTF8.self)
                violations.append(
                    PolicyViolation(
                        id: "lone-surrogate",
                        message:
                            "lone surrogate '\(escape)' in a string: it is half of a character, which JavaScript "
                            + "keeps and other tools replace with U+FFFD",
                        hint: "escape the whole character as a pair (e.g. \\ud83d\\ude00) or remove the escape",
                        node: index, offset: position))
            }
            position += 6
        }
        return violations
    }
}

extension JSONDocument {
    /// The value of node `index` (the whole document by default), keys in the order written, numbers as written.
    /// - Throws: `JSONSyntaxError` when the value is nested deeper than `maximumValueDepth`.
    public func value(_ index: Int = 0) throws -> JSONValue {
        try value(index, depth: 0)
    }

    private func value(_ index: Int, depth: Int) throws -> JSONValue {
        switch kind(index) {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(numberText(index) ?? "0")
        case .string: return .string(string(index) ?? "")
        case .array, .object:
            guard depth < Self.maximumValueDepth else {
                throw JSONSyntaxError(
                    message: "nested deeper than \(Self.maximumValueDepth) levels", offset: offset(index),
                    position: position(of: index), id: "json-depth",
                    hint: "gen-collections reads values up to \(Self.maximumValueDepth) levels deep; flatten the file")
            }
            if kind(index) == .array { return .array(try elements(index).map { try value($0, depth: depth + 1) }) }
            return .object(
                try members(index).map { member in
                    (key: string(member.key) ?? "", value: try value(member.value, depth: depth + 1))
                })
        }
    }
}

extension JSONValue {
    /// Parses JSON text under the policy every command shares (see `JSONDocument.read`).
    /// - Throws: `JSONSyntaxError` with the line and column of the first problem.
    public init(json data: some Sequence<UInt8>) throws {
        self = try JSONDocument.read(Array(data)).value()
    }
}
