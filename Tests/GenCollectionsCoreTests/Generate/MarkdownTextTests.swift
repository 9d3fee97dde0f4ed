import Testing

@testable import GenCollectionsCore

/// Text from a spec in CERTIFICATES.md: shown as written, never read as Markdown or HTML.
@Suite struct MarkdownTextTests {
    @Test func runningTextEscapesMarkdownAndHTML() {
        #expect(MarkdownText.text("Monese Open Banking Sandbox") == "Monese Open Banking Sandbox")
        #expect(MarkdownText.text("*bold* <b>") == #"\*bold\* \<b\>"#)
        #expect(MarkdownText.text("a & b") == "a &amp; b")
        #expect(MarkdownText.text("one\ntwo\u{2028}three") == "one two three")
    }

    @Test func codeSpansOutlastTheirBackticksAndKeepTableCells() {
        #expect(MarkdownText.code("certs/a.pem") == "`certs/a.pem`")
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`x") == "`` `x ``")
        #expect(MarkdownText.code("a|b") == #"`a\|b`"#)
        #expect(MarkdownText.code("a\nb") == "`a b`")
    }
}
