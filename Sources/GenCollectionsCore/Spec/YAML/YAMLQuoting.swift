import Yams

/// How a string is written in YAML so that every YAML reader reads it back as the same string: plain when nothing
/// in it could change its type or meaning, else quoted, or as a block for multi-line text.
enum YAMLQuoting {
    /// The string as one inline scalar: plain, `"double"` or `'single'` quoted.
    /// - Parameter inFlow: inside `[...]` or `{...}`, where `,[]{}` also end a plain scalar.
    static func inline(_ text: String, inFlow: Bool = false) -> String {
        if isPlainSafe(text, inFlow: inFlow) { return text }
        let needsEscapes = text.unicodeScalars.contains { !isPrintable($0) || isBreakOrTab($0) }
        if !needsEscapes && !text.contains("\"") && !text.contains("\\") { return "\"\(text)\"" }
        if !needsEscapes && !text.contains("'") { return "'\(text)'" }
        return doubleQuoted(text)
    }

    /// Whether the string can be written without quotes. Conservative on purpose: a leading digit, sign or dot
    /// (numbers, dates, times, `.inf`), every YAML 1.1 and 1.2 boolean and null, indicators, `: ` and ` #`
    /// are quoted, so no reader, whichever YAML version it follows, takes the text for something else.
    static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`~<=+.0123456789".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") { return false }
        if inFlow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if text.unicodeScalars.contains(where: { !isPrintable($0) || isBreakOrTab($0) }) { return false }
        if ["y", "Y", "n", "N"].contains(text) { return false }
        return Resolver.default.resolveTag(of: Node(text)) == .str
    }

    /// The string in double quotes, with every character that is not printable, or that a reader would fold,
    /// escaped.
    static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if isPrintable(scalar) && scalar != "\u{FEFF}" {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    out += "\\x" + hex(scalar.value, digits: 2)
                } else if scalar.value <= 0xFFFF {
                    out += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out += "\\U" + hex(scalar.value, digits: 8)
                }
            }
        }
        return out + "\""
    }

    /// Multi-line text as a literal block (`|-`, or `|` when it ends with one line break): the header and the
    /// content lines, unindented. Nil when a block could not hold the text exactly.
    static func literalBlock(_ text: String) -> (header: String, lines: [String])? {
        guard text.contains("\n"),
            !text.unicodeScalars.contains(where: {
                !isPrintable($0) || ["\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}"].contains($0)
            })
        else { return nil }
        var body = Substring(text)
        var trailing = 0
        while body.last == "\n" {
            body.removeLast()
            trailing += 1
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The first non-empty line sets the block's indentation; blank lines must be empty, not spaces.
        guard let firstContent = lines.first(where: { !$0.isEmpty }), firstContent.first != " ",
            firstContent.first != "\t",
            !lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "\t" } })
        else { return nil }
        // `|+` would also keep the blank line that separates the next section: more than one break is quoted.
        guard trailing <= 1 else { return nil }
        return (trailing == 0 ? "|-" : "|", lines)
    }

    /// Long one-line text as a folded block (`>-`), broken at single spaces so that it reads back unchanged.
    /// Nil when the text has line breaks, tabs, or leading or trailing spaces.
    static func folded(_ text: String, width: Int) -> [String]? {
        guard !text.isEmpty, text.first != " ", text.last != " ",
            !text.unicodeScalars.contains(where: { !isPrintable($0) || isBreakOrTab($0) || $0 == "\u{FEFF}" })
        else { return nil }
        // Break only at a space between two other characters: a folded line break reads back as one space.
        let characters = Array(text)
        var words: [String] = []
        var word = ""
        for (index, character) in characters.enumerated() {
            if character == " ", characters[index - 1] != " ", index + 1 < characters.count,
                characters[index + 1] != " "
            {
                words.append(word)
                word = ""
            } else {
                word.append(character)
            }
        }
        words.append(word)
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        lines.append(line)
        return lines
    }

    // MARK: - Characters

    /// The characters YAML allows in a stream (YAML 1.2 §5.1).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Line breaks YAML folds or normalises, the tab, and the byte-order mark readers drop: never written raw.
    private static func isBreakOrTab(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\t", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}"].contains(scalar)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
