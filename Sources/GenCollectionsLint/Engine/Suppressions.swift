import GenCollectionsBase
import Foundation

/// Inline suppressions, each with a reason:
///
/// - in a script line: `// gen-collections-disable-next-line rule-id[, rule-id]: reason` silences those rules
///   on the next line of the same script;
/// - in a description (collection `info`, folder, request, or variable): a line
///   `gen-collections-disable rule-id[, rule-id]: reason` silences them inside what the description describes
///   (the whole file for `info.description`; for a request, the item holding it).
///
/// A suppression without a reason, or naming a rule that does not exist, is itself reported (`lint-suppression`).
struct Suppressions {
    struct Scope {
        var rules: Set<String>
        /// Byte range of the file the suppression covers.
        var range: Range<Int>
    }

    static let nextLineMarker = "gen-collections-disable-next-line"
    static let blockMarker = "gen-collections-disable"
    private static let markerBytes = ByteSearch.Needle(blockMarker)

    var scopes: [Scope] = []
    var problems: [Finding] = []

    /// Whether a finding of `rule` at `offset` is suppressed.
    func suppresses(_ rule: String, at offset: Int) -> Bool {
        scopes.contains { $0.range.contains(offset) && $0.rules.contains(rule) }
    }

    /// The suppressions written in `file` (nothing is parsed unless the marker appears in the file at all).
    init(file: LintedFile, knownRules: Set<String>) {
        let document = file.document
        guard ByteSearch.contains(document.bytes, 0..<document.bytes.count, Self.markerBytes) else { return }
        var owners: [(description: Int, scope: Int)] = []
        if let info = document.member(file.root, "info"), let text = document.member(info, "description") {
            owners.append((text, file.root))
        }
        for item in file.items {
            if let text = document.member(item.node, "description") { owners.append((text, item.node)) }
            if let request = item.requestNode, let text = document.member(request, "description") {
                owners.append((text, item.node))
            }
        }
        for definition in file.variableDefinitions {
            if let text = document.member(definition.node, "description") { owners.append((text, definition.node)) }
        }
        for (descriptionNode, scopeNode) in owners {
            let textNode =
                document.kind(descriptionNode) == .object
                ? document.member(descriptionNode, "content") : descriptionNode
            guard let textNode, let text = document.string(textNode), text.contains(Self.blockMarker) else { continue }
            for line in text.split(whereSeparator: \.isNewline) {
                guard let directive = Self.directive(in: String(line), marker: Self.blockMarker) else { continue }
                add(directive, range: document.byteRange(scopeNode), at: textNode, file: file, knownRules: knownRules)
            }
        }
        for script in file.scripts {
            for (position, line) in script.lineNodes.enumerated() {
                guard let text = document.string(line), text.contains(Self.nextLineMarker),
                    let directive = Self.directive(in: text, marker: Self.nextLineMarker)
                else { continue }
                let target = position + 1 < script.lineNodes.count ? script.lineNodes[position + 1] : line
                add(directive, range: document.byteRange(target), at: line, file: file, knownRules: knownRules)
            }
        }
    }

    private mutating func add(
        _ directive: (rules: [String], reason: String), range: Range<Int>, at node: Int, file: LintedFile,
        knownRules: Set<String>
    ) {
        let unknown = directive.rules.filter { !knownRules.contains($0) }
        if directive.rules.isEmpty || !unknown.isEmpty {
            problems.append(
                file.finding(
                    at: node,
                    directive.rules.isEmpty
                        ? "a suppression names no rule"
                        : "a suppression names unknown rule '\(unknown.joined(separator: "', '"))'",
                    hint: "write 'gen-collections-disable rule-id: reason'; run 'gen-collections rules' for the ids"))
        }
        if directive.reason.isBlank {
            problems.append(
                file.finding(
                    at: node, "a suppression of '\(directive.rules.joined(separator: ", "))' gives no reason",
                    hint: "say why after a colon: 'gen-collections-disable rule-id: reason'; it is not applied"))
            return
        }
        scopes.append(Scope(rules: Set(directive.rules), range: range))
    }

    /// `marker rule-a, rule-b: reason` in `line` (after `//` or anything else), or nil.
    static func directive(in line: String, marker: String) -> (rules: [String], reason: String)? {
        guard let range = line.range(of: marker) else { return nil }
        var rest = line[range.upperBound...]
        // `gen-collections-disable` is a prefix of the next-line marker; keep the two apart.
        if marker == blockMarker, rest.hasPrefix("-") { return nil }
        guard rest.isEmpty || rest.first == " " || rest.first == ":" else { return nil }
        rest = rest.drop { $0 == " " }
        let colon = rest.firstIndex(of: ":")
        let list = colon.map { rest[..<$0] } ?? rest
        let reason = colon.map { String(rest[rest.index(after: $0)...]).trimmingSpaces } ?? ""
        let rules = list.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        return (rules, reason)
    }
}
