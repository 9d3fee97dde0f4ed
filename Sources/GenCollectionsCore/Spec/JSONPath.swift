import GenCollectionsBase

/// A path into a JSON document, written `Data.Account[0].AccountId`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var segments: [Segment]

    /// Parses `a.b[0].c`; returns nil for an empty path, an empty key or a bad index.
    public init?(_ text: String) {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        guard let segments = ascii ? Self.asciiSegments(Array(text.utf8)) : Self.segments(text) else { return nil }
        self.segments = segments
    }

    static func segments(_ text: String) -> [Segment]? {
        var segments: [Segment] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let keyEnd = rest.firstIndex(of: "[") ?? rest.endIndex
            let key = rest[..<keyEnd]
            if !key.isEmpty { segments.append(.key(String(key))) } else if keyEnd == rest.endIndex { return nil }
            rest = rest[keyEnd...]
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                    index >= 0
                else { return nil }
                segments.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            if !rest.isEmpty { return nil }
        }
        return segments.isEmpty ? nil : segments
    }

    /// `segments` for ASCII text, over its bytes: there every character is one byte (`\r\n` holds none of
    /// `.[]`), so the parts are the same without walking grapheme clusters.
    static func asciiSegments(_ bytes: [UInt8]) -> [Segment]? {
        let dot = UInt8(ascii: "."), open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        var segments: [Segment] = []
        var start = 0
        while true {
            let end = bytes[start...].firstIndex(of: dot) ?? bytes.count
            let keyEnd = bytes[start..<end].firstIndex(of: open) ?? end
            if keyEnd > start {
                segments.append(.key(String(decoding: bytes[start..<keyEnd], as: UTF8.self)))
            } else if keyEnd == end {
                return nil
            }
            var rest = keyEnd
            while rest < end, bytes[rest] == open {
                guard let closing = bytes[rest..<end].firstIndex(of: close),
                    let index = Int(String(decoding: bytes[(rest + 1)..<closing], as: UTF8.self)), index >= 0
                else { return nil }
                segments.append(.index(index))
                rest = closing + 1
            }
            if rest != end { return nil }
            if end == bytes.count { break }
            start = end + 1
        }
        return segments.isEmpty ? nil : segments
    }

    public var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case let .key(key): text += (text.isEmpty ? "" : ".") + key
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path as a JavaScript array literal: `["Data", "Account", 0]`.
    public var javaScriptArray: String {
        "["
            + segments.map { segment -> String in
                switch segment {
                case let .key(key): return JSONValue.quoted(key)
                case let .index(index): return String(index)
                }
            }.joined(separator: ", ") + "]"
    }
}

extension JSONValue {
    /// The value at `path`, or nil when a key or index on the way is missing.
    public func value(at path: JSONPath) -> JSONValue? {
        var node: JSONValue? = self
        for segment in path.segments {
            switch segment {
            case let .key(key): node = node?[key]
            case let .index(index):
                guard let items = node?.items, index < items.count else { return nil }
                node = items[index]
            }
        }
        return node
    }
}
