import GenCollectionsBase

/// The same key twice in one object: JavaScript keeps the last, silently.
public struct DuplicateKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "duplicate-key", name: "Duplicate Key", category: .format, defaultSeverity: .warning,
        summary: "An object must not repeat a key",
        explanation: """
            RFC 8259 says object keys should be unique. Newman's `JSON.parse` keeps the last value and drops the \
            others without a word, so the first one, often the one you edited, has no effect. Merge the two.
            """,
        passing: [Example(#"{"method": "GET", "url": "https://example.com"}"#)],
        failing: [Example(#"{"url": "https://example.com/a", ↓"url": "https://example.com/b"}"#)])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        var findings: [Finding] = []
        for index in 0..<document.nodeCount where document.kind(index) == .object {
            var keys: [Int] = []
            var key = index + 1
            let end = document.next(index)
            while key < end {
                keys.append(key)
                key = document.next(key + 1)
            }
            guard keys.count > 1 else { continue }
            if keys.count <= 16 {
                for (position, key) in keys.enumerated()
                where keys[..<position].contains(where: { sameKey($0, key, document) }) {
                    findings.append(report(key, file))
                }
            } else {
                var seen: Set<String> = []
                for key in keys where !seen.insert(document.string(key) ?? "").inserted {
                    findings.append(report(key, file))
                }
            }
        }
        return findings
    }

    private func report(_ key: Int, _ file: LintedFile) -> Finding {
        let name = file.document.string(key) ?? ""
        return file.finding(
            at: key, "duplicate key '\(name)': newman keeps only the last value",
            hint: "remove or merge the duplicate")
    }

    private func sameKey(_ lhs: Int, _ rhs: Int, _ document: JSONDocument) -> Bool {
        let left = document.byteRange(lhs), right = document.byteRange(rhs)
        if document.nodes[lhs].escaped || document.nodes[rhs].escaped {
            return document.string(lhs) == document.string(rhs)
        }
        guard left.count == right.count else { return false }
        return document.bytes[left] == document.bytes[right]
    }
}
