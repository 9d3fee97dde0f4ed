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
        guard !segments.isEmpty else { return nil }
        self.segments = segments
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
