import Foundation

/// A parsed JSON text kept as a flat list of nodes over the original bytes, so every value keeps its position.
///
/// Node 0 is the root. Containers are followed by their children in document order; an object's children
/// alternate key (a string node) and value. `next(i)` is the index just past `i`'s subtree, so walks skip
/// whole subtrees in O(1). Strings and numbers stay as bytes until a rule asks for them.
public struct JSONDocument: Sendable {
    /// The JSON value kinds.
    public enum Kind: UInt8, Sendable {
        case object, array, string, number, `true`, `false`, null
    }

    /// One value (or object key) of the document.
    public struct Node: Sendable {
        public var kind: Kind
        /// Set on strings that contain a backslash escape.
        public var escaped: Bool
        /// Byte offset of the first byte (the quote, bracket or first digit).
        public var start: UInt32
        /// Byte offset just past the last byte.
        public var end: UInt32
        /// Index of the first node after this subtree.
        public var next: UInt32
        /// Index of the enclosing container (for an object value: the object, not its key).
        public var parent: UInt32
    }

    /// Marks the root's parent.
    @usableFromInline static let noParent = UInt32.max

    /// The JSON text, as read.
    public let bytes: [UInt8]
    public internal(set) var nodes: [Node]
    /// Byte offsets at which lines 2, 3, ... start (32 bits, as in `Node`: a document is under 4 GB).
    let lineStarts: [UInt32]
    /// Member tables of large objects, built on their first lookup.
    let memberTables = MemberTables()

    // The accessors are inlinable: the rules, in another module, call them for every node they look at.

    /// The root value's index.
    @inlinable public var root: Int { 0 }

    /// How many nodes (values and object keys) the document has.
    @inlinable public var nodeCount: Int { nodes.count }

    /// The kind of node `index`.
    @inlinable public func kind(_ index: Int) -> Kind { nodes[index].kind }

    /// The index just past `index`'s subtree.
    @inlinable public func next(_ index: Int) -> Int { Int(nodes[index].next) }

    /// The enclosing container of `index`, or nil for the root.
    @inlinable public func parent(_ index: Int) -> Int? {
        let parent = nodes[index].parent
        return parent == Self.noParent ? nil : Int(parent)
    }

    /// Byte range of node `index` in `bytes`.
    @inlinable public func byteRange(_ index: Int) -> Range<Int> { Int(nodes[index].start)..<Int(nodes[index].end) }

    /// Byte offset where node `index` starts.
    @inlinable public func offset(_ index: Int) -> Int { Int(nodes[index].start) }
}

// MARK: - Navigation

extension JSONDocument {
    /// The element indices of an array, or the key and value indices interleaved for an object.
    public func children(_ index: Int) -> [Int] {
        var result: [Int] = []
        var child = index + 1
        let end = next(index)
        while child < end {
            result.append(child)
            child = next(child)
        }
        return result
    }

    /// The elements of an array node (empty for anything else).
    public func elements(_ index: Int) -> [Int] {
        kind(index) == .array ? children(index) : []
    }

    /// The `(key, value)` node pairs of an object node (empty for anything else).
    public func members(_ index: Int) -> [(key: Int, value: Int)] {
        guard kind(index) == .object else { return [] }
        var result: [(key: Int, value: Int)] = []
        var key = index + 1
        let end = next(index)
        while key < end {
            let value = key + 1
            result.append((key, value))
            key = next(value)
        }
        return result
    }

    /// The value of member `name` of an object node; the last one wins when a key repeats, as in JavaScript.
    /// Small objects are scanned; one with more than `MemberTables.scanLimit` members is indexed once, so that
    /// lookups stay linear in the document. (Counting members, not nodes: a request's few members hold
    /// hundreds of nodes, and the scan skips those in O(1).)
    public func member(_ index: Int, _ name: String) -> Int? {
        guard nodes[index].kind == .object else { return nil }
        var name = name
        let scan = name.withUTF8 { wanted in
            nodes.withUnsafeBufferPointer { nodes in
                bytes.withUnsafeBufferPointer { bytes -> MemberScan in
                    var found: Int?
                    var key = index + 1, members = 0
                    let end = Int(nodes[index].next)
                    while key < end {
                        if members == MemberTables.scanLimit { return .tooLarge }
                        let node = nodes[key]
                        let start = Int(node.start) + 1, length = Int(node.end) - 1 - start
                        if node.escaped {
                            if stringEquals(key, wanted) { found = key + 1 }
                        } else if length == wanted.count {
                            // Keys are short: a byte loop beats a memcmp call.
                            var offset = 0
                            while offset < length, bytes[start + offset] == wanted[offset] { offset += 1 }
                            if offset == length { found = key + 1 }
                        }
                        key = Int(nodes[key + 1].next)
                        members += 1
                    }
                    return .scanned(found)
                }
            }
        }
        switch scan {
        case .scanned(let found): return found
        case .tooLarge: return memberTables.table(of: index, in: self)[Array(name.utf8)]
        }
    }

    private enum MemberScan {
        case scanned(Int?)
        case tooLarge
    }

    /// The key node of the object member whose value is `valueIndex`, or nil when it is not an object value.
    public func key(of valueIndex: Int) -> Int? {
        guard let parent = parent(valueIndex), kind(parent) == .object else { return nil }
        // A key is a leaf immediately followed by its value, so the value's predecessor is its key.
        return valueIndex - 1
    }
}

/// Key → value index tables of the objects with more than `scanLimit` members, shared by the copies of a document
/// and safe to use from the threads that run rules.
final class MemberTables: @unchecked Sendable {
    /// Up to this many members a scan is cheaper than hashing the key.
    static let scanLimit = 32
    private let lock = NSLock()
    /// Keyed by the decoded key's bytes: the scan compares bytes, where `String` equality would also match
    /// canonically equivalent spellings.
    private var tables: [Int: [[UInt8]: Int]] = [:]

    func table(of object: Int, in document: JSONDocument) -> [[UInt8]: Int] {
        lock.lock()
        defer { lock.unlock() }
        if let table = tables[object] { return table }
        var table: [[UInt8]: Int] = [:]
        for (key, value) in document.members(object) {
            // Later members overwrite earlier ones: the last one wins, as in the scan.
            if let name = document.string(key) { table[Array(name.utf8)] = value }
        }
        tables[object] = table
        return table
    }
}
