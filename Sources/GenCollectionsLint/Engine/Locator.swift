import GenCollectionsBase

/// Stable locators of findings for baselines: a hash of the path from the root to the node a finding points
/// at, where array elements are named by their `name`, `key` or `listen` (an index only when they have none),
/// so a finding keeps its locator when lines move or a request is inserted above it.
///
/// Hashes are FNV-1a (64-bit), built incrementally and memoised per node, so deep documents cost linear time.
final class Locator {
    private let document: JSONDocument
    private var hashes: [Int: UInt64] = [:]
    private var positions: [Int: [Int: Int]] = [:]  // array node → element → index
    private var keys: [Int: Set<Int>] = [:]  // object node → its key nodes

    init(document: JSONDocument) { self.document = document }

    static let basis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    static func fold<S: Sequence>(_ hash: UInt64, _ bytes: S) -> UInt64 where S.Element == UInt8 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The locator hash of the innermost node containing byte `offset`.
    func hash(atOffset offset: Int) -> UInt64 { hash(of: node(containing: offset)) }

    /// The innermost node whose bytes contain `offset` (the root when none does).
    func node(containing offset: Int) -> Int {
        var low = 0, high = document.nodeCount
        while low < high {
            let middle = (low + high) / 2
            if document.offset(middle) <= offset { low = middle + 1 } else { high = middle }
        }
        var node = max(0, low - 1)
        while !document.byteRange(node).contains(offset), let parent = document.parent(node) { node = parent }
        return node
    }

    private func hash(of node: Int) -> UInt64 {
        if let known = hashes[node] { return known }
        // Climb to the nearest memoised ancestor, then come back down, so no recursion depth is needed.
        var chain: [Int] = []
        var current = node
        while hashes[current] == nil, let parent = document.parent(current) {
            chain.append(current)
            current = parent
        }
        if hashes[current] == nil { hashes[current] = Self.basis }
        var hash = hashes[current]!
        for child in chain.reversed() {
            hash = Self.fold(Self.fold(hash, [UInt8(ascii: "/")]), token(of: child).utf8)
            hashes[child] = hash
        }
        return hash
    }

    private func token(of node: Int) -> String {
        guard let parent = document.parent(node) else { return "" }
        if document.kind(parent) == .object {
            if keys[parent] == nil { keys[parent] = Set(document.members(parent).map(\.key)) }
            // A value is named by its key; a key node stands for its member's name.
            if keys[parent]?.contains(node) == true { return (document.string(node) ?? "") + "#key" }
            return document.string(node - 1) ?? ""
        }
        for name in ["name", "key", "listen"] {
            if let value = document.string(node, name) { return "[\(name)=\(value)]" }
        }
        if positions[parent] == nil {
            var map: [Int: Int] = [:]
            for (index, element) in document.elements(parent).enumerated() { map[element] = index }
            positions[parent] = map
        }
        return "[\(positions[parent]?[node] ?? 0)]"
    }
}
