import GenCollectionsBase

/// The same key twice in one object: JavaScript keeps the last, silently; every other command refuses the file.
public struct DuplicateKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "duplicate-key", name: "Duplicate Key", category: .format, defaultSeverity: .error,
        summary: "An object must not repeat a key",
        explanation: """
            RFC 8259 says object keys should be unique. Newman's `JSON.parse` keeps the last value and drops the \
            others without a word, so the first one, often the one you edited, has no effect. `check`, `sync` and \
            `--env` refuse such a file with this message at the same position (a merge would have to pick one). Keys \
            are compared as JavaScript compares them: `"é"` and `"e\\u0301"` are two keys. Merge the two.
            """,
        passing: [Example(#"{"method": "GET", "url": "https://example.com"}"#)],
        failing: [Example(#"{"url": "https://example.com/a", ↓"url": "https://example.com/b"}"#)])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        file.document.duplicateKeys().map { Finding(offset: $0.offset, message: $0.message, hint: $0.hint) }
    }
}
