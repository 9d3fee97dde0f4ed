import Testing
@testable import GenCollectionsBase

/// Text from a file or a server never reaches the terminal raw.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain text, ünïcödé and emoji 🏦", "plain text, ünïcödé and emoji 🏦"),
        ("\u{1B}[2J\u{1B}[31mred", "\\u{1B}[2J\\u{1B}[31mred"),
        ("line\nfake: error", "line\\nfake: error"),
        ("tab\there\r", "tab\\there\\r"),
        ("nul\u{0}del\u{7F}c1\u{9B}", "nul\\u{0}del\\u{7F}c1\\u{9B}"),
        ("bidi \u{202E}txt.exe\u{2066}", "bidi \\u{202E}txt.exe\\u{2066}"),
        ("a backslash \\n stays", "a backslash \\n stays"),
    ])
    func controlCharactersAreEscaped(_ text: String, _ shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }

    @Test func newlinesCanBeKept() {
        #expect(TerminalText.escaped("one\n\u{1B}two", keepingNewlines: true) == "one\n\\u{1B}two")
    }

    @Test func escapingTwiceChangesNothing() {
        let once = TerminalText.escaped("\u{1B}]0;title\u{7}")
        #expect(TerminalText.escaped(once) == once)
    }

    @Test func diagnosticsEscapeThePathMessageAndHint() {
        let diagnostic = Diagnostic.error(
            "spec-invalid-value", "name 'a\u{1B}[1mb' is bad",
            at: SourceLocation(file: "x\ny.yaml", line: 2, column: 3),
            hint: "try \u{7}")
        #expect(
            diagnostic.description
                == "x\\ny.yaml:2:3: error: name 'a\\u{1B}[1mb' is bad [spec-invalid-value]\n  hint: try \\u{7}")
    }
}
