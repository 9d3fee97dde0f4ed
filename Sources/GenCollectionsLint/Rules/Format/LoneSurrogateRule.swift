import GenCollectionsBase

/// Half of a character written as an escape: readers disagree on what it means.
public struct LoneSurrogateRule: LintRule {
    public static let description = RuleDescription(
        id: "lone-surrogate", name: "Lone Surrogate", category: .format, defaultSeverity: .error,
        summary: "A \\u escape must not be half of a character",
        explanation: """
            An escape from `\\ud800` to `\\udfff` is one half of a UTF-16 pair. Alone it is not a character: \
            JavaScript keeps it as it is, while Swift, Python and most other tools replace it with U+FFFD, so a \
            file read and written back changes. It usually comes from text cut in the middle of an emoji. `check`, \
            `sync` and `--env` refuse such a file with this message at the same position. Escape the whole \
            character as a pair, or remove the escape.
            """,
        passing: [Example(#"{"name": "Payments \ud83d\udcb8"}"#)],
        failing: [Example(#"{"name": "Payments ↓\ud83d"}"#)])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        file.document.loneSurrogates().map { Finding(offset: $0.offset, message: $0.message, hint: $0.hint) }
    }
}
