/// Writes a `YAMLNode` tree as block YAML: two-space indents, flow collections where asked for and where they fit,
/// literal blocks for multi-line text, folded blocks for long text, and lines of at most `width` columns where the
/// text allows.
struct YAMLRenderer {
    var width = 120
    private var lines: [String] = []

    init(width: Int = 120) { self.width = width }

    /// The document whose root is `entries`, ending with a newline.
    mutating func render(_ entries: [YAMLEntry], header: [String] = []) -> String {
        lines = header.map(Self.comment)
        for (index, entry) in entries.enumerated() {
            if index > 0, !entry.comment.isEmpty { lines.append("") }
            mapping(entry, indent: 0)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `# text`, with anything that could end the comment line escaped.
    static func comment(_ text: String) -> String {
        guard !text.isEmpty else { return "#" }
        let breaksTheLine = text.unicodeScalars.contains {
            !YAMLQuoting.isPrintable($0) || "\n\r\u{85}\u{2028}\u{2029}\u{FEFF}".unicodeScalars.contains($0)
        }
        return "# " + (breaksTheLine ? String(YAMLQuoting.doubleQuoted(text).dropFirst().dropLast()) : text)
    }

    // MARK: - Block layout

    private mutating func mapping(_ entry: YAMLEntry, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        lines += entry.comment.map { pad + Self.comment($0) }
        let key = YAMLQuoting.inline(entry.key)
        // YAML limits an implicit key to 1024 characters; a longer one takes the explicit `? key` form.
        guard key.count > 1000 else {
            value(entry.value, prefix: pad + key + ":", indent: indent)
            return
        }
        lines.append(pad + "? " + key)
        value(entry.value, prefix: pad + ":", indent: indent)
    }

    /// Writes `value` after `prefix` (`key:` or `-`), on the same line when it is inline, else below at `indent + 2`.
    private mutating func value(_ node: YAMLNode, prefix: String, indent: Int) {
        let inner = indent + 2
        switch node {
        case let .string(text):
            string(text, prefix: prefix, indent: inner)
        case let .plain(text):
            lines.append(prefix + " " + text)
        case let .alias(name):
            lines.append(prefix + " *" + name)
        case let .anchored(name, content):
            if content.isEmptyCollection || (isFlow(content) && fitsInline(content, after: prefix + " &" + name)) {
                lines.append(prefix + " &" + name + " " + inline(content))
            } else {
                lines.append(prefix + " &" + name)
                children(content, indent: inner)
            }
        case .mapping, .sequence:
            if node.isEmptyCollection || (isFlow(node) && fitsInline(node, after: prefix)) {
                lines.append(prefix + " " + inline(node))
            } else {
                lines.append(prefix)
                children(node, indent: inner)
            }
        }
    }

    /// The entries or items of a block collection, at `indent`.
    private mutating func children(_ node: YAMLNode, indent: Int) {
        switch node {
        case let .mapping(entries, _):
            for entry in entries { mapping(entry, indent: indent) }
        case let .sequence(items, style):
            for (index, item) in items.enumerated() {
                if style == .spaced, index > 0 { lines.append("") }
                sequenceItem(item, indent: indent)
            }
        default:
            lines.append(String(repeating: " ", count: indent) + inline(node))
        }
    }

    private mutating func sequenceItem(_ item: YAMLNode, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        // A block mapping starts on the dash's line: `- name: ...`, the other keys under it.
        if case let .mapping(entries, _) = item, !entries.isEmpty, !(isFlow(item) && fitsInline(item, after: pad + "-"))
        {
            let start = lines.count
            for entry in entries { mapping(entry, indent: indent + 2) }
            lines[start] = pad + "- " + lines[start].dropFirst(indent + 2)
            return
        }
        value(item, prefix: pad + "-", indent: indent)
    }

    private mutating func string(_ text: String, prefix: String, indent: Int) {
        let pad = String(repeating: " ", count: indent)
        if let block = YAMLQuoting.literalBlock(text) {
            lines.append(prefix + " " + block.header)
            lines += block.lines.map { $0.isEmpty ? "" : pad + $0 }
            return
        }
        let quoted = YAMLQuoting.inline(text)
        if prefix.count + 1 + quoted.count > width, let folded = YAMLQuoting.folded(text, width: width - indent),
            folded.count > 1 || indent + folded[0].count <= width
        {
            lines.append(prefix + " >-")
            lines += folded.map { pad + $0 }
            return
        }
        lines.append(prefix + " " + quoted)
    }

    // MARK: - Flow layout

    private func isFlow(_ node: YAMLNode) -> Bool {
        switch node {
        case let .mapping(_, style), let .sequence(_, style): return style == .flow
        default: return false
        }
    }

    private func fitsInline(_ node: YAMLNode, after prefix: String) -> Bool {
        prefix.count + 1 + inline(node).count <= width
    }

    /// The node on one line; flow collections inside flow collections quote what `,[]{}` would break.
    private func inline(_ node: YAMLNode, inFlow: Bool = false) -> String {
        switch node {
        case let .string(text): return YAMLQuoting.inline(text, inFlow: inFlow)
        case let .plain(text): return text
        case let .alias(name): return "*" + name
        case let .anchored(name, content): return "&" + name + " " + inline(content, inFlow: inFlow)
        case let .mapping(entries, _):
            let pairs = entries.map { YAMLQuoting.inline($0.key, inFlow: true) + ": " + inline($0.value, inFlow: true) }
            return "{" + pairs.joined(separator: ", ") + "}"
        case let .sequence(items, _):
            return "[" + items.map { inline($0, inFlow: true) }.joined(separator: ", ") + "]"
        }
    }
}
