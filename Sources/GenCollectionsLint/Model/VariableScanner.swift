import GenCollectionsBase

/// Finds `{{name}}` tokens and variable definitions.
enum VariableScanner {
    /// Members whose strings Newman never resolves: documentation, scripts, saved responses, names and ids.
    private static let unresolvedKeys: [[UInt8]] = [
        "description", "event", "response", "info", "name", "id",
        "_postman_id", "_exporter_id", "protocolProfileBehavior", "key",
    ]
    .map { Array($0.utf8) }

    /// Every `{{name}}` in a resolved value, in document order (pmc's token rule: `{{([^{}]*?)}}`).
    static func uses(in document: JSONDocument, kind: FileKind) -> [VariableUse] {
        var uses: [VariableUse] = []
        let excluded = kind == .certificateList ? [] : unresolvedKeys
        document.bytes.withUnsafeBufferPointer { bytes in
            var frames: [(end: Int, isObject: Bool, expectKey: Bool)] = []
            var index = 0
            let count = document.nodeCount
            while index < count {
                while let last = frames.last, last.end <= index { frames.removeLast() }
                if let last = frames.last, last.isObject {
                    if last.expectKey {
                        frames[frames.count - 1].expectKey = false
                        if isExcluded(index, document, bytes, excluded) {
                            index = document.next(index + 1)
                            frames[frames.count - 1].expectKey = true
                        } else {
                            index += 1
                        }
                        continue
                    }
                    frames[frames.count - 1].expectKey = true
                }
                let node = document.nodes[index]
                switch node.kind {
                case .object, .array:
                    frames.append((Int(node.next), node.kind == .object, true))
                case .string:
                    scan(
                        bytes, from: Int(node.start) + 1, to: Int(node.end) - 1, node: index, escaped: node.escaped,
                        into: &uses)
                default:
                    break
                }
                index += 1
            }
        }
        return uses
    }

    /// Whether key node `index` is one of `excluded` (compared on raw bytes; escaped keys never match).
    private static func isExcluded(
        _ index: Int, _ document: JSONDocument, _ bytes: UnsafeBufferPointer<UInt8>,
        _ excluded: [[UInt8]]
    ) -> Bool {
        let node = document.nodes[index]
        guard !node.escaped else { return false }
        let start = Int(node.start) + 1, length = Int(node.end) - 1 - start
        guard length > 0 else { return false }
        let first = bytes[start]
        for word in excluded where word.count == length && word[0] == first {
            var offset = 1
            while offset < length, bytes[start + offset] == word[offset] { offset += 1 }
            if offset == length { return true }
        }
        return false
    }

    /// Appends the tokens found in `bytes[start..<end]`.
    static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, node: Int, escaped: Bool,
        into uses: inout [VariableUse]
    ) {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var index = start
        // A token takes four bytes at least; memchr jumps to each `{` (bodies have many, tokens few).
        while index + 3 < end, let brace = ByteSearch.firstOffset(of: open, in: bytes, from: index, to: end - 3) {
            index = brace
            guard bytes[index + 1] == open else { index += 1; continue }
            var cursor = index + 2
            while cursor < end, bytes[cursor] != open, bytes[cursor] != close { cursor += 1 }
            if cursor + 1 < end, bytes[cursor] == close, bytes[cursor + 1] == close {
                func text(_ range: Range<Int>) -> String {
                    let raw = Array(bytes[range])
                    return escaped && raw.contains(UInt8(ascii: "\\"))
                        ? JSONDocument.unescape(raw[...]) : String(decoding: raw, as: UTF8.self)
                }
                var use = VariableUse(name: text((index + 2)..<cursor), offset: index, node: node)
                use.enclosing = enclosingPattern(bytes, token: index..<(cursor + 2), in: start..<end).map {
                    NamePattern(prefix: text($0.prefix), suffix: text($0.suffix))
                }
                uses.append(use)
                index = cursor + 2
            } else {
                index += 1
            }
        }
    }

    /// For a token nested as `{{prefix{{token}}suffix}}`, the byte ranges of the prefix and suffix: the outer
    /// name Newman looks up once the inner token is replaced.
    private static func enclosingPattern(
        _ bytes: UnsafeBufferPointer<UInt8>, token: Range<Int>, in string: Range<Int>
    ) -> (prefix: Range<Int>, suffix: Range<Int>)? {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var prefixStart = token.lowerBound
        while prefixStart > string.lowerBound, bytes[prefixStart - 1] != open, bytes[prefixStart - 1] != close {
            prefixStart -= 1
        }
        guard prefixStart - 2 >= string.lowerBound, bytes[prefixStart - 1] == open, bytes[prefixStart - 2] == open
        else { return nil }
        var suffixEnd = token.upperBound
        while suffixEnd < string.upperBound, bytes[suffixEnd] != open, bytes[suffixEnd] != close { suffixEnd += 1 }
        guard suffixEnd + 1 < string.upperBound, bytes[suffixEnd] == close, bytes[suffixEnd + 1] == close else {
            return nil
        }
        return (prefixStart..<token.lowerBound, token.upperBound..<suffixEnd)
    }

    /// `{{name}}` tokens in a plain string (scripts, where `replaceIn` may use them).
    static func tokens(in text: String) -> [VariableUse] {
        var uses: [VariableUse] = []
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            scan(UnsafeBufferPointer(buffer), from: 0, to: buffer.count, node: 0, escaped: false, into: &uses)
        }
        return uses
    }

    /// Variables the file defines.
    static func definitions(
        in document: JSONDocument, root: Int, kind: FileKind, items: [CollectionItem]
    ) -> [VariableDefinition] {
        var lists: [Int] = []
        switch kind {
        case .collection:
            lists = [document.member(root, "variable")].compactMap { $0 }
            // Item and folder variables: every `variable` array under an `item` entry.
            for item in items {
                if let list = document.member(item.node, "variable") { lists.append(list) }
            }
        case .environment, .globals:
            lists =
                document.kind(root) == .array
                ? [root]
                : [document.member(root, "values")].compactMap { $0 }
        default:
            return []
        }
        return lists.flatMap { list in
            document.elements(list).compactMap { element -> VariableDefinition? in
                guard let keyNode = document.member(element, "key"), let name = document.string(keyNode) else {
                    return nil
                }
                return VariableDefinition(
                    name: name, keyNode: keyNode, node: element,
                    disabled: document.isTrue(element, "disabled"))
            }
        }
    }
}
