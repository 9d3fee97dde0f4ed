// libyaml as Yams builds it: the spec loader reads its events directly instead of Yams' node tree, which copies
// several references per node whenever a node is passed around.
import CYaml
import GenCollectionsBase

/// Builds a spec's YAML tree (`SpecNode`) from libyaml's events, within `YAMLLimits`.
///
/// It leaves the verdict to Yams (so that every YAML diagnostic stays Yams' own), where Yams would fail or where
/// only Yams' tag resolver can tell: a syntax error, an undefined alias, a second document, two keys of one mapping
/// with the same text (`a` and `"a"` are the same key, `1` and `"1"` are not) or a key that is not a scalar. It
/// stops at the first limit broken, and Yams is asked then too: a syntax error anywhere in the text comes first.
///
/// Aliases share their anchor's node, as in Yams, so a "billion laughs" (anchors that alias anchors, ten times
/// each) costs little to compose but expands to 10^n values for whoever walks the tree: a JSON body, a claim or an
/// `equals` value. As YAML libraries do (SnakeYAML caps aliases; go-yaml caps their expansion), the composer
/// measures each node's expanded size as it builds it and reports a tree whose aliases add more than
/// `YAMLLimits.maximumAliasNodes` values or `maximumAliasBytes` of text, that uses more than `maximumAliases`
/// aliases, or that nests deeper than `maximumDepth` (libyaml itself stops at 1,000).
final class SpecComposer {
    /// The tree, or why there is none.
    struct Composition {
        /// Nil for a stream without a document, or when Yams must be asked.
        var root: SpecNode?
        /// The first limit the tree breaks, at the node to fix: the diagnostic unless Yams finds an error.
        var problem: Diagnostic?
        /// Whether Yams must compose the text to report what is wrong, or to say that nothing is.
        var needsYams = false
    }

    /// What a subtree costs once expanded.
    private struct Size {
        var nodes = 1
        var bytes = 0
        var height = 1

        mutating func add(_ child: Size) {
            nodes += child.nodes
            bytes += child.bytes
            height = max(height, child.height + 1)
        }
    }

    /// Where libyaml stopped, or what only Yams can report: composing ends.
    private struct AskYams: Error {}

    /// The first limit broken: composing ends.
    private struct LimitBroken: Error {
        let problem: Diagnostic
    }

    private static let stringTag = "tag:yaml.org,2002:str"

    private let file: String
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var anchors: [String: (node: SpecNode, size: Size)] = [:]
    private var aliases = 0
    private var aliasNodes = 0
    private var aliasBytes = 0
    private var keysNeedYams = false

    private init(file: String) {
        self.file = file
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        event.initialize(to: yaml_event_t())
    }

    deinit {
        yaml_event_delete(event)
        yaml_parser_delete(parser)
        event.deallocate()
        parser.deallocate()
    }

    /// Composes the single document of `text`.
    static func compose(_ text: String, file: String) -> Composition {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return Composition() }
            return SpecComposer(file: file).compose(start, count: bytes.count)
        }
    }

    private func compose(_ bytes: UnsafePointer<UInt8>, count: Int) -> Composition {
        yaml_parser_set_input_string(parser, bytes, count)
        do {
            try next()  // the stream's start
            try next()
            if event.pointee.type == YAML_STREAM_END_EVENT { return Composition() }
            try next()  // past the document's start
            let root = try node(depth: 1).node
            try next()  // the document's end
            try next()
            guard event.pointee.type == YAML_STREAM_END_EVENT else { throw AskYams() }
            return Composition(root: root, needsYams: keysNeedYams)
        } catch let broken as LimitBroken {
            return Composition(problem: broken.problem, needsYams: true)
        } catch {
            return Composition(needsYams: true)
        }
    }

    private func next() throws {
        yaml_event_delete(event)
        guard yaml_parser_parse(parser, event) == 1 else { throw AskYams() }
    }

    /// The node that starts at the current event, which it leaves at the node's last event.
    private func node(depth: Int) throws -> (node: SpecNode, size: Size) {
        let start = event.pointee.start_mark
        let mark = SpecNode.Mark(line: start.line + 1, column: start.column + 1)
        if event.pointee.type == YAML_ALIAS_EVENT {
            guard let anchored = anchors[String(cString: event.pointee.data.alias.anchor)] else { throw AskYams() }
            try countAlias(of: anchored, at: depth)
            return anchored
        }
        if depth > YAMLLimits.maximumDepth {
            throw limitBroken(mark, "spec-too-deep", "values nest more than \(YAMLLimits.maximumDepth) levels deep")
        }
        // Read before the next event replaces this one.
        let anchor = anchorName()
        let composed: (node: SpecNode, size: Size)
        switch event.pointee.type {
        case YAML_SCALAR_EVENT:
            let data = event.pointee.data.scalar
            let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let tag = data.quoted_implicit == 1 ? Self.stringTag : data.tag.map { String(cString: $0) } ?? ""
            let scalar = SpecNode.Scalar(
                string, isPlain: data.style == YAML_PLAIN_SCALAR_STYLE, tag: tag, mark: mark)
            composed = (.scalar(scalar), Size(bytes: data.length))
        case YAML_SEQUENCE_START_EVENT:
            var items: [SpecNode] = []
            var size = Size()
            try next()
            while event.pointee.type != YAML_SEQUENCE_END_EVENT {
                let item = try node(depth: depth + 1)
                items.append(item.node)
                size.add(item.size)
                try next()
            }
            composed = (.sequence(SpecNode.Sequence(items, mark: mark)), size)
        case YAML_MAPPING_START_EVENT:
            var pairs: [(key: SpecNode, value: SpecNode)] = []
            var size = Size()
            try next()
            while event.pointee.type != YAML_MAPPING_END_EVENT {
                let key = try node(depth: depth + 1)
                try next()
                let value = try node(depth: depth + 1)
                pairs.append((key.node, value.node))
                size.add(key.size)
                size.add(value.size)
                try next()
            }
            if !keysNeedYams { keysNeedYams = Self.keysNeedYams(pairs) }
            composed = (.mapping(SpecNode.Mapping(pairs, mark: mark)), size)
        default:
            throw AskYams()
        }
        // Later aliases of the name share the node (a later anchor of that name replaces it).
        if let anchor { anchors[anchor] = composed }
        return composed
    }

    /// The anchor (`&name`) of the current scalar, sequence or mapping event.
    private func anchorName() -> String? {
        let data = event.pointee.data
        let name: UnsafeMutablePointer<UInt8>?
        switch event.pointee.type {
        case YAML_SCALAR_EVENT: name = data.scalar.anchor
        case YAML_SEQUENCE_START_EVENT: name = data.sequence_start.anchor
        case YAML_MAPPING_START_EVENT: name = data.mapping_start.anchor
        default: name = nil
        }
        return name.map { String(cString: $0) }
    }

    /// An alias adds its anchor's expanded size to the tree.
    private func countAlias(of anchored: (node: SpecNode, size: Size), at depth: Int) throws {
        aliases += 1
        aliasNodes += anchored.size.nodes
        aliasBytes += anchored.size.bytes
        if depth + anchored.size.height - 1 > YAMLLimits.maximumDepth {
            throw limitBroken(
                anchored.node.mark, "spec-too-deep", "values nest more than \(YAMLLimits.maximumDepth) levels deep")
        } else if aliases > YAMLLimits.maximumAliases || aliasNodes > YAMLLimits.maximumAliasNodes
            || aliasBytes > YAMLLimits.maximumAliasBytes
        {
            throw limitBroken(
                anchored.node.mark, "spec-alias-expansion",
                "the aliases of this anchor make the spec too large: more than \(YAMLLimits.maximumAliasNodes) values"
                    + " or \(InputFile.sizeText(YAMLLimits.maximumAliasBytes)) added by aliases, or more than "
                    + "\(YAMLLimits.maximumAliases) aliases")
        }
    }

    private func limitBroken(_ mark: SpecNode.Mark, _ id: String, _ message: String) -> LimitBroken {
        LimitBroken(
            problem: .error(
                id, message, at: SourceLocation(file: file, line: mark.line, column: mark.column),
                hint: id == "spec-too-deep"
                    ? "flatten the value; no request body needs that depth"
                    : "write the repeated values out, or use headerSets and variables to share them"))
    }

    /// Whether two keys have the same text, or one is not a scalar: only Yams' resolver can tell whether they repeat.
    private static func keysNeedYams(_ pairs: [(key: SpecNode, value: SpecNode)]) -> Bool {
        var texts: [String] = []
        texts.reserveCapacity(pairs.count)
        for pair in pairs {
            guard case let .scalar(scalar) = pair.key else { return true }
            texts.append(scalar.string)
        }
        // Spec mappings are small: comparing pairs beats hashing below a dozen keys.
        if texts.count <= 12 {
            for index in texts.indices.dropFirst() where texts[..<index].contains(texts[index]) { return true }
            return false
        }
        return Set(texts).count != texts.count
    }
}
