import GenCollectionsBase

/// A URL template such as `{{rs}}/open-banking/v3.1/aisp/accounts/:AccountId?limit=10`, split into the parts
/// Postman stores. Newman builds requests from the parts only, so `raw` is always rebuilt from them.
public struct URLParts: Sendable, Hashable {
    public var scheme: String?
    /// Host labels, split on `.` outside `{{…}}`.
    public var host: [String]
    public var port: String?
    public var path: [String]
    public var query: [(key: String, value: String)]
    public var hash: String?

    public init(_ text: String) {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        func firstIndex(of separator: Character, in text: Substring) -> Substring.Index? {
            ascii ? Self.asciiFirstIndex(of: separator, in: text) : Self.firstIndex(of: separator, in: text)
        }
        func cut(_ text: inout Substring, at separator: Character) -> String? {
            guard let index = firstIndex(of: separator, in: text) else { return nil }
            let tail = String(text[text.index(after: index)...])
            text = text[..<index]
            return tail
        }
        func lastIndex(of separator: Character, in text: Substring) -> Substring.Index? {
            var found: Substring.Index?
            var rest = text
            while let index = firstIndex(of: separator, in: rest) {
                found = index
                rest = rest[rest.index(after: index)...]
            }
            return found
        }
        func split(_ text: Substring, on separator: Character) -> [String] {
            guard !text.isEmpty else { return [] }
            var parts: [String] = []
            var rest = text
            while let index = firstIndex(of: separator, in: rest) {
                parts.append(String(rest[..<index]))
                rest = rest[rest.index(after: index)...]
            }
            parts.append(String(rest))
            return parts
        }
        func pieces(
            _ text: Substring, _ separator: Character, maxSplits: Int = .max, omittingEmpty: Bool
        ) -> [Substring] {
            guard ascii, let byte = separator.asciiValue else {
                return text.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmpty)
            }
            return text.utf8.split(separator: byte, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmpty)
                .map { Substring($0) }
        }
        var rest = Substring(text)
        hash = cut(&rest, at: "#")
        let queryText = cut(&rest, at: "?")
        query = pieces(Substring(queryText ?? ""), "&", omittingEmpty: true).map { pair in
            let parts = pieces(pair, "=", maxSplits: 1, omittingEmpty: false)
            return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
        }
        if let range = ascii ? Self.asciiSchemeSeparator(in: rest) : rest.range(of: "://"),
            !rest[..<range.lowerBound].contains("{")
        {
            scheme = String(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        let authority: Substring
        if let slash = firstIndex(of: "/", in: rest) {
            authority = rest[..<slash]
            path = pieces(rest[rest.index(after: slash)...], "/", omittingEmpty: false).map(String.init)
        } else {
            authority = rest
            path = []
        }
        func isNumber(_ text: Substring) -> Bool {
            ascii ? text.utf8.allSatisfy { (0x30...0x39).contains($0) } : text.allSatisfy(\.isNumber)
        }
        var hostText = authority
        if let colon = lastIndex(of: ":", in: authority), !authority[authority.index(after: colon)...].isEmpty,
            isNumber(authority[authority.index(after: colon)...])
        {
            port = String(authority[authority.index(after: colon)...])
            hostText = authority[..<colon]
        }
        host = split(hostText, on: ".")
    }

    /// Names of `:name` path segments, in order.
    public var pathVariables: [String] {
        path.filter { $0.hasPrefix(":") && $0.count > 1 }.map { String($0.dropFirst()) }
    }

    /// The URL rebuilt from its parts, as Postman shows it.
    public var raw: String {
        var text = scheme.map { "\($0)://" } ?? ""
        text += host.joined(separator: ".")
        if let port { text += ":\(port)" }
        if !path.isEmpty { text += "/" + path.joined(separator: "/") }
        if !query.isEmpty { text += "?" + query.map { "\($0.key)=\($0.value)" }.joined(separator: "&") }
        if let hash { text += "#\(hash)" }
        return text
    }

    public static func == (lhs: URLParts, rhs: URLParts) -> Bool { lhs.raw == rhs.raw }
    public func hash(into hasher: inout Hasher) { hasher.combine(raw) }

    // MARK: - Splitting outside {{…}}

    private static func firstIndex(of separator: Character, in text: Substring) -> Substring.Index? {
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") { depth += 1; index = text.index(index, offsetBy: 2); continue }
            if text[index...].hasPrefix("}}"), depth > 0 {
                depth -= 1; index = text.index(index, offsetBy: 2); continue
            }
            if depth == 0, text[index] == separator { return index }
            index = text.index(after: index)
        }
        return nil
    }

    private static let schemeSeparator = ByteSearch.Needle("://")

    /// The first range of `://` in ASCII text, by bytes (Foundation's `range(of:)` would compare characters).
    private static func asciiSchemeSeparator(in text: Substring) -> Range<Substring.Index>? {
        let offset = withBytes(of: text) { ByteSearch.firstOffset(of: schemeSeparator, in: $0, 0..<$0.count) }
        guard let offset else { return nil }
        let lower = text.utf8.index(text.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: 3)
    }

    /// `firstIndex` for ASCII text, byte by byte: there every character is one byte (or `\r\n`, which holds no
    /// separator), so it finds the same index without walking grapheme clusters.
    private static func asciiFirstIndex(of separator: Character, in text: Substring) -> Substring.Index? {
        let wanted = separator.asciiValue ?? 0
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let offset = withBytes(of: text) { bytes -> Int? in
            var depth = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let doubled = index + 1 < bytes.count && bytes[index + 1] == byte
                if byte == open, doubled {
                    depth += 1
                    index += 2
                } else if byte == close, doubled, depth > 0 {
                    depth -= 1
                    index += 2
                } else if depth == 0, byte == wanted {
                    return index
                } else {
                    index += 1
                }
            }
            return nil
        }
        return offset.map { text.utf8.index(text.startIndex, offsetBy: $0) }
    }

    /// The text's UTF-8 bytes in one buffer (a copy only for a bridged string, which has none).
    private static func withBytes<Result>(of text: Substring, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
    {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }
}
