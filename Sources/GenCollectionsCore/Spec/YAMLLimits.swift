import GenCollectionsBase
import Yams

/// Bounds on what a spec's YAML may cost, checked on the composed tree before anything walks it.
///
/// Yams composes an alias as a shared copy of its anchor's node, so a "billion laughs" (anchors that alias
/// anchors, ten times each) costs little to compose but expands to 10^n values for whoever walks the tree: a JSON
/// body, a claim or an `equals` value. As YAML libraries do (SnakeYAML caps aliases; go-yaml caps their
/// expansion), the spec loader refuses a tree whose aliases add more than `maximumAliasNodes` values or
/// `maximumAliasBytes` of text, or that uses more than `maximumAliases` aliases, and one nested deeper than
/// `maximumDepth` (libyaml itself stops at 1,000). The walk is linear in the text: each anchored node is measured
/// once.
enum YAMLLimits {
    static let maximumDepth = 100
    static let maximumAliases = 10_000
    static let maximumAliasNodes = 100_000
    static let maximumAliasBytes = 16 << 20

    /// An alias used as a mapping key (`*a: x`, `? *a`), found in the text before Yams composes it: Yams hashes
    /// every key to find duplicates, and hashing an alias of a billion laughs takes hours. Spec keys are names, so
    /// an alias key is refused whatever it refers to.
    static func aliasKey(in text: String, file: String) -> Diagnostic? {
        var scanner = AliasKeyScanner(Array(text.utf8))
        guard let (line, column) = scanner.first() else { return nil }
        return .error(
            "spec-alias-expansion", "a YAML alias cannot be a mapping key in a spec",
            at: SourceLocation(file: file, line: line, column: column), hint: "write the key out")
    }

    /// The first limit `root` exceeds, as an error at the node to fix; nil when it stays within all of them.
    static func check(_ root: Node, file: String, text: String) -> Diagnostic? {
        inspect(root, file: file, text: text).problem
    }

    /// What `check` finds, and whether a mapping has two keys of the same text or a key that is not a scalar:
    /// only then can Yams' resolver tell whether two keys are duplicates (`1` and `"1"` are not). A tree the basic
    /// resolver composed without a duplicate has such keys only when a key has an explicit tag (`!!int 1` and
    /// `1`), so without a `!` in the text the keys are not inspected.
    static func inspect(
        _ root: Node, file: String, text: String
    ) -> (problem: Diagnostic?, keysNeedResolving: Bool) {
        var walk = Walk(
            file: file, mayHaveAliases: text.utf8.contains(UInt8(ascii: "*")),
            mayHaveTags: text.utf8.contains(UInt8(ascii: "!")))
        _ = walk.measure(root, depth: 1)
        return (walk.problem, walk.keysNeedResolving)
    }

    /// What a subtree costs once expanded.
    private struct Size {
        var nodes = 1
        var bytes = 0
        var height = 1
    }

    private struct Walk {
        let file: String
        /// Completed subtrees by kind and start position: a second node with the same key is an alias's copy.
        var measured: [Key: Size] = [:]
        var keysNeedResolving = false
        var aliases = 0
        var aliasNodes = 0
        var aliasBytes = 0
        var problem: Diagnostic?

        /// Whether the text has a `*`, which every alias starts with.
        let mayHaveAliases: Bool
        /// Whether the text has a `!`, which every explicit tag starts with.
        let mayHaveTags: Bool

        init(file: String, mayHaveAliases: Bool, mayHaveTags: Bool) {
            self.file = file
            self.mayHaveAliases = mayHaveAliases
            self.mayHaveTags = mayHaveTags
        }

        mutating func measure(_ node: Node, depth: Int) -> Size {
            guard problem == nil else { return Size() }
            // Without a `*` in the text there is no alias, so no node is met twice and none needs an entry.
            let key = mayHaveAliases ? Self.key(node) : nil
            if let key, let size = measured[key] {
                aliases += 1
                aliasNodes += size.nodes
                aliasBytes += size.bytes
                if depth + size.height - 1 > YAMLLimits.maximumDepth {
                    fail(node, "spec-too-deep", "values nest more than \(YAMLLimits.maximumDepth) levels deep")
                } else if aliases > YAMLLimits.maximumAliases || aliasNodes > YAMLLimits.maximumAliasNodes
                    || aliasBytes > YAMLLimits.maximumAliasBytes
                {
                    fail(
                        node, "spec-alias-expansion",
                        "the aliases of this anchor make the spec too large: more than "
                            + "\(YAMLLimits.maximumAliasNodes) values or "
                            + "\(InputFile.sizeText(YAMLLimits.maximumAliasBytes)) added by aliases, or more than "
                            + "\(YAMLLimits.maximumAliases) aliases")
                }
                return size
            }
            guard depth <= YAMLLimits.maximumDepth else {
                fail(node, "spec-too-deep", "values nest more than \(YAMLLimits.maximumDepth) levels deep")
                return Size()
            }
            var size = Size()
            func add(_ child: Node) {
                let inner = measure(child, depth: depth + 1)
                size.nodes += inner.nodes
                size.bytes += inner.bytes
                size.height = max(size.height, inner.height + 1)
            }
            switch node {
            case let .scalar(scalar): size.bytes = scalar.string.utf8.count
            case let .sequence(sequence): sequence.forEach(add)
            case let .mapping(mapping):
                if mayHaveTags, !keysNeedResolving { keysNeedResolving = Self.keysNeedResolving(mapping) }
                for (key, value) in mapping {
                    add(key)
                    add(value)
                }
            case .alias: break
            }
            if let key, problem == nil { measured[key] = size }
            return size
        }

        mutating func fail(_ node: Node, _ id: String, _ message: String) {
            problem = .error(
                id, message, at: SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column),
                hint: id == "spec-too-deep"
                    ? "flatten the value; no request body needs that depth"
                    : "write the repeated values out, or use headerSets and variables to share them")
        }

        /// A node's kind and start: unique for the nodes written in the text, shared by an alias with its anchor.
        struct Key: Hashable {
            var kind: UInt8
            var line: Int
            var column: Int
        }

        static func key(_ node: Node) -> Key? {
            guard let mark = node.mark else { return nil }
            let kind: UInt8
            switch node {
            case .scalar: kind = 0
            case .sequence: kind = 1
            case .mapping: kind = 2
            case .alias: return nil
            }
            return Key(kind: kind, line: mark.line, column: mark.column)
        }

        /// Whether two keys have the same text, or one is not a scalar.
        static func keysNeedResolving(_ mapping: Node.Mapping) -> Bool {
            var texts: [String] = []
            texts.reserveCapacity(mapping.count)
            for (key, _) in mapping {
                guard case let .scalar(scalar) = key else { return true }
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
}

/// Finds `*alias` tokens that stand as mapping keys, skipping comments, quoted scalars and block scalars. It reads
/// tokens only as far as needed for that: the text is parsed for real by libyaml afterwards.
private struct AliasKeyScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    private static let tokenStarts: Set<UInt8> = [
        UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","),
    ]
    private static let nameEnds: Set<UInt8> = [
        UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
        UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
    ]

    mutating func first() -> (Int, Int)? {
        var explicitKey = false  // after `? ` on this line
        var blockIndent: Int?  // inside a block scalar: lines indented more than this are text
        while index < bytes.count {
            let byte = bytes[index]
            let atTokenStart = index == lineStart || Self.tokenStarts.contains(bytes[index - 1])
            if let indent = blockIndent, index == lineStart {
                let spaces = bytes[index...].prefix { $0 == Self.space }.count
                let blank = index + spaces >= bytes.count || bytes[index + spaces] == Self.newline
                if blank || spaces > indent {
                    skipLine()
                    continue
                }
                blockIndent = nil
            }
            switch byte {
            case Self.newline:
                index += 1
                line += 1
                lineStart = index
                explicitKey = false
                continue
            case UInt8(ascii: "#") where atTokenStart:
                skipLine(keepingNewline: true)
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atTokenStart { skipQuoted(byte) } else { index += 1 }
                continue
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                if atTokenStart, isBlockIndicator() {
                    blockIndent = bytes[lineStart...].prefix { $0 == Self.space }.count
                    skipLine(keepingNewline: true)
                } else {
                    index += 1
                }
                continue
            case UInt8(ascii: "?") where atTokenStart:
                if index + 1 >= bytes.count || Self.nameEnds.contains(bytes[index + 1]) { explicitKey = true }
            case UInt8(ascii: "*") where atTokenStart:
                let start = (line, index - lineStart + 1)
                index += 1
                while index < bytes.count, !Self.nameEnds.contains(bytes[index]) { index += 1 }
                if explicitKey { return start }
                var next = index
                while next < bytes.count, bytes[next] == Self.space || bytes[next] == Self.tab { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":"),
                    next + 1 == bytes.count || Self.nameEnds.contains(bytes[next + 1])
                {
                    return start
                }
                continue
            default: break
            }
            index += 1
        }
        return nil
    }

    /// `|` or `>` with optional indentation and chomping indicators, then only a comment or the line's end.
    private func isBlockIndicator() -> Bool {
        var next = index + 1
        while next < bytes.count,
            bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-")
                || (bytes[next] >= UInt8(ascii: "1") && bytes[next] <= UInt8(ascii: "9"))
        {
            next += 1
        }
        while next < bytes.count, bytes[next] == Self.space || bytes[next] == Self.tab { next += 1 }
        return next >= bytes.count || bytes[next] == Self.newline || bytes[next] == UInt8(ascii: "\r")
            || bytes[next] == UInt8(ascii: "#")
    }

    private mutating func skipLine(keepingNewline: Bool = false) {
        while index < bytes.count, bytes[index] != Self.newline { index += 1 }
        if !keepingNewline, index < bytes.count {
            index += 1
            line += 1
            lineStart = index
        }
    }

    /// A quoted scalar, which may span lines: `\"` escapes in double quotes, `''` in single quotes.
    private mutating func skipQuoted(_ quote: UInt8) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline {
                line += 1
                lineStart = index + 1
            } else if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 1
                } else {
                    index += 1
                    return
                }
            }
            index += 1
        }
    }
}
