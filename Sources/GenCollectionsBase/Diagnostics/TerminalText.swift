/// Makes text from a file or a server safe to print: control characters become visible escapes, so a spec, a
/// collection or a helper reply cannot move the cursor, recolour or clear the terminal, or fake a line of output.
///
/// Every printer of the tool goes through it: `Diagnostic.description`, and the command line's own messages.
public enum TerminalText {
    /// `text` with each C0 and C1 control character, DEL and each bidirectional override written as an escape:
    /// `\n`, `\r`, `\t`, otherwise `\u{1B}`. Other characters, backslashes included, are kept.
    /// - Parameter keepingNewlines: keep line feeds as they are (for multi-line text the tool itself composed).
    public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingNewlines && $0 == "\n") }) else {
            return text
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if !needsEscape(scalar) || (keepingNewlines && scalar == "\n") {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return result
    }

    /// Controls (C0, DEL, C1), and the bidirectional embeddings, overrides and isolates that reorder what follows.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
