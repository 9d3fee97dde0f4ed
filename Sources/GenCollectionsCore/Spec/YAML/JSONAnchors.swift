import GenCollectionsBase
import Yams

/// JSON values as YAML, with parts that repeat across request bodies written once: the first time with an anchor
/// named after its key (`Initiation: &initiation`), later as an alias (`Initiation: *initiation`), as a payment
/// repeats its consent's `Initiation` and `Risk`.
struct JSONAnchors {
    /// How often each object or array occurs where the writer would write it out (compact JSON as the key).
    private var counts: [String: Int] = [:]
    private var names: [String: String] = [:]
    private var taken: Set<String> = []

    /// Counts the parts of `bodies`, in the order they will be written.
    init(bodies: [(key: String, value: JSONValue)]) {
        for body in bodies { count(body.value) }
    }

    private mutating func count(_ value: JSONValue) {
        guard let children = Self.children(value) else { return }
        let id = value.rendered(indent: nil)
        counts[id, default: 0] += 1
        // Inside a repeat, nothing is written again: only the first occurrence's parts count.
        if counts[id] == 1 { children.forEach { count($0) } }
    }

    /// The value as YAML; a repeated object or array becomes an anchor the first time, an alias after.
    mutating func node(_ value: JSONValue, key: String) -> YAMLNode {
        guard Self.children(value) != nil, counts[value.rendered(indent: nil)] ?? 0 > 1 else {
            return content(value)
        }
        let id = value.rendered(indent: nil)
        if let name = names[id] { return .alias(name) }
        let name = anchorName(for: key)
        names[id] = name
        return .anchored(name, content(value))
    }

    private mutating func content(_ value: JSONValue) -> YAMLNode {
        switch value {
        case let .object(pairs):
            return .mapping(pairs.map { YAMLEntry($0.key, node($0.value, key: $0.key)) })
        case let .array(items):
            let nodes = items.map { node($0, key: "item") }
            return .sequence(nodes, style: items.allSatisfy { Self.children($0) == nil } ? .flow : .block)
        default:
            return Self.plainNode(value)
        }
    }

    /// The value as YAML, without anchors (claims, expected values).
    static func plainNode(_ value: JSONValue) -> YAMLNode {
        switch value {
        case .null: return .plain("null")
        case let .bool(flag): return .plain(flag ? "true" : "false")
        case let .number(text):
            // Plain only when YAML reads it back as a number, as the spec loader does.
            let tag = Resolver.default.resolveTag(of: Node(text))
            return tag == .int || tag == .float ? .plain(text) : .string(text)
        case let .string(text): return .string(text)
        case let .array(items):
            return .sequence(items.map(plainNode), style: items.allSatisfy { children($0) == nil } ? .flow : .block)
        case let .object(pairs): return .mapping(pairs.map { YAMLEntry($0.key, plainNode($0.value)) })
        }
    }

    /// The members of a non-empty object or array; nil for anything else.
    private static func children(_ value: JSONValue) -> [JSONValue]? {
        switch value {
        case let .object(pairs) where !pairs.isEmpty: return pairs.map(\.value)
        case let .array(items) where !items.isEmpty: return items
        default: return nil
        }
    }

    /// `Initiation` → `initiation`; letters, digits, `-` and `_` only, unique in the document.
    private mutating func anchorName(for key: String) -> String {
        var base = String(
            key.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            })
        if base.isEmpty { base = "part" }
        base = base.prefix(1).lowercased() + base.dropFirst()
        var name = base
        var number = 2
        while taken.contains(name) {
            name = "\(base)-\(number)"
            number += 1
        }
        taken.insert(name)
        return name
    }
}
