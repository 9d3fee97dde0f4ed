/// Spec and helper-file text inside generated Markdown (`CERTIFICATES.md`): shown as written, never read as
/// Markdown or HTML, and never able to end the line, table cell or code span it sits in.
enum MarkdownText {
    /// Running text: ASCII punctuation backslash-escaped (CommonMark allows it for every one), `&` as an entity,
    /// line breaks and other control characters as spaces.
    static func text(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case _ where breaksLines(scalar): out += " "
            case _ where scalar.isASCII && scalar.properties.isPunctuationOrSymbol:
                out += "\\" + String(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A code span in a table cell: fenced with more backticks than the text holds in a row, `|` escaped (GitHub
    /// splits cells on it even in code), line breaks as spaces.
    static func code(_ value: String) -> String {
        var text = String(value.unicodeScalars.map { breaksLines($0) ? " " : Character($0) })
        text = text.replacingOccurrences(of: "|", with: "\\|")
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") || text.hasPrefix(" ") ? " \(text) " : text
        return fence + padded + fence
    }
}

/// Control characters and U+2028/U+2029: each could end the line (or table row) the text sits in.
private func breaksLines(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
}

extension Unicode.Scalar.Properties {
    /// ASCII punctuation and symbols: the characters CommonMark lets a backslash escape.
    fileprivate var isPunctuationOrSymbol: Bool {
        switch generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default: return false
        }
    }
}
