import GenCollectionsBase

/// Reads a composed YAML tree into typed values, reporting every problem with its `file:line:column`
/// instead of stopping at the first.
final class NodeReader {
    let file: String
    private(set) var collector = DiagnosticCollector()

    init(file: String) { self.file = file }

    func location(_ node: SpecNode) -> SourceLocation {
        SourceLocation(file: file, line: node.mark.line, column: node.mark.column)
    }

    func error(_ id: String, _ message: String, at node: SpecNode, hint: String? = nil) {
        collector.emit(.error(id, message, at: location(node), hint: hint))
    }

    func warning(_ id: String, _ message: String, at node: SpecNode, hint: String? = nil) {
        collector.emit(.warning(id, message, at: location(node), hint: hint))
    }

    func emit(_ diagnostic: Diagnostic) { collector.emit(diagnostic) }

    // MARK: - Mappings

    /// The pairs of a mapping whose keys are all among `allowed`; unknown keys are reported with a suggestion.
    /// - Parameters:
    ///   - what: how the message names the mapping, e.g. `step "Get accounts"`.
    ///   - required: keys that must be present.
    func fields(_ node: SpecNode, _ what: String, allowed: [String], required: [String] = []) -> Fields? {
        guard case let .mapping(mapping) = node else {
            error("spec-wrong-type", "\(what) must be a mapping, found \(NodeReader.kind(of: node))", at: node)
            return nil
        }
        var fields = Fields(node: node)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                error("spec-wrong-type", "keys of \(what) must be strings", at: keyNode)
                continue
            }
            if allowed.contains(key) {
                fields.entries.append((key, keyNode, value))
            } else {
                let suggestion = Spelling.closest(to: key, among: allowed)
                error(
                    "spec-unknown-key", "unknown key '\(key)' in \(what)", at: keyNode,
                    hint: suggestion.map { "did you mean '\($0)'?" }
                        ?? "allowed keys: \(allowed.joined(separator: ", "))")
            }
        }
        for key in required where fields[key] == nil {
            error("spec-missing-key", "\(what) is missing the required key '\(key)'", at: node)
        }
        return fields
    }

    /// The mapping's pairs, in order, or nil after reporting that the node is not a mapping.
    func mapping(_ node: SpecNode, _ what: String) -> [(key: SpecNode, value: SpecNode)]? {
        guard case let .mapping(mapping) = node else {
            error("spec-wrong-type", "\(what) must be a mapping, found \(NodeReader.kind(of: node))", at: node)
            return nil
        }
        return mapping.pairs
    }

    /// A mapping's pairs whose keys are strings (user-chosen names, such as variables or headers).
    func namedEntries(_ node: SpecNode, _ what: String) -> [(name: Located<String>, value: SpecNode)] {
        guard let pairs = mapping(node, what) else { return [] }
        return pairs.compactMap { key, value in
            guard let name = key.string, !name.isEmpty else {
                error("spec-wrong-type", "names in \(what) must be non-empty strings", at: key)
                return nil
            }
            return (Located(name, at: location(key)), value)
        }
    }

    func sequence(_ node: SpecNode, _ what: String) -> [SpecNode] {
        guard case let .sequence(sequence) = node else {
            error("spec-wrong-type", "\(what) must be a list, found \(NodeReader.kind(of: node))", at: node)
            return []
        }
        return Array(sequence)
    }

    // MARK: - Scalars

    func string(_ node: SpecNode, _ what: String) -> String? {
        guard case let .scalar(scalar) = node else {
            error("spec-wrong-type", "\(what) must be a string, found \(NodeReader.kind(of: node))", at: node)
            return nil
        }
        return scalar.string
    }

    func located(_ node: SpecNode, _ what: String) -> Located<String>? {
        string(node, what).map { Located($0, at: location(node)) }
    }

    func bool(_ node: SpecNode, _ what: String) -> Bool? {
        if let value = YAMLScalar.bool(node) { return value }
        error("spec-wrong-type", "\(what) must be true or false, found \(NodeReader.describe(node))", at: node)
        return nil
    }

    func int(_ node: SpecNode, _ what: String) -> Int? {
        if let value = YAMLScalar.int(node) { return value }
        error("spec-wrong-type", "\(what) must be a whole number, found \(NodeReader.describe(node))", at: node)
        return nil
    }

    /// A string, or a list of strings.
    func strings(_ node: SpecNode, _ what: String) -> [Located<String>] {
        if case .sequence = node {
            return sequence(node, what).compactMap { located($0, "each entry of \(what)") }
        }
        return located(node, what).map { [$0] } ?? []
    }

    /// Any YAML value as JSON: plain scalars keep their YAML 1.2 type (numbers, booleans, null) written as valid
    /// JSON, quoted ones are strings (`YAMLScalar`).
    func json(_ node: SpecNode) -> JSONValue {
        switch node {
        case let .scalar(scalar):
            return jsonScalar(node, scalar)
        case let .sequence(sequence):
            return .array(sequence.map(json))
        case let .mapping(mapping):
            return .object(mapping.map { (key: jsonKey($0.key), value: json($0.value)) })
        }
    }

    // MARK: - Helpers

    static func kind(of node: SpecNode) -> String {
        switch node {
        case .scalar: return "a scalar"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    static func describe(_ node: SpecNode) -> String {
        if case let .scalar(scalar) = node { return "'\(scalar.string)'" }
        return kind(of: node)
    }
}

/// The known keys of one mapping, with their value and key nodes, in the mapping's order. A spec mapping has a
/// handful of keys (a repeated one has been refused), so a scan is cheaper than hashing them.
struct Fields {
    let node: SpecNode
    var entries: [(key: String, keyNode: SpecNode, value: SpecNode)] = []

    subscript(key: String) -> SpecNode? { entries.firstIndex { $0.key == key }.map { entries[$0].value } }

    func keyNode(_ key: String) -> SpecNode? { entries.firstIndex { $0.key == key }.map { entries[$0].keyNode } }

    var keys: [String] { entries.map(\.key) }
    var count: Int { entries.count }
}
