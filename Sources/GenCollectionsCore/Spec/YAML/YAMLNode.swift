/// A YAML document as the spec writer builds it: what to write, in order, with comments. `YAMLRenderer` decides
/// the layout (block or flow, quoting, line breaks).
indirect enum YAMLNode: Equatable {
    /// A string, quoted as it needs.
    case string(String)
    /// A number, `true`, `false` or `null`, written as is.
    case plain(String)
    case mapping([YAMLEntry], style: Style = .block)
    case sequence([YAMLNode], style: Style = .block)
    /// `&name` before the node, so later `*name` aliases repeat it.
    case anchored(String, YAMLNode)
    case alias(String)

    /// `.flow` asks for `{a: 1}` or `[a, b]` on one line, which the renderer grants when it fits; `.block` is one
    /// entry per line, `.spaced` a block sequence with a blank line between items (the flows).
    enum Style: Equatable { case block, spaced, flow }

    var isEmptyCollection: Bool {
        switch self {
        case let .mapping(entries, _): return entries.isEmpty
        case let .sequence(items, _): return items.isEmpty
        default: return false
        }
    }
}

/// One key and value of a mapping, with the comment lines written above it.
struct YAMLEntry: Equatable {
    var key: String
    var value: YAMLNode
    /// Comment lines, without `#`; a non-empty comment on a top-level entry also gets a blank line above it.
    var comment: [String] = []

    init(_ key: String, _ value: YAMLNode, comment: [String] = []) {
        self.key = key
        self.value = value
        self.comment = comment
    }
}
