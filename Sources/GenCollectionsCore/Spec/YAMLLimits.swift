import GenCollectionsBase

/// Bounds on what a spec's YAML may cost: `SpecComposer` measures the tree against them as it builds it (see there
/// for the "billion laughs" they stop), and `aliasKey(in:file:)` refuses alias keys before anything composes.
enum YAMLLimits {
    static let maximumDepth = 100
    static let maximumAliases = 10_000
    static let maximumAliasNodes = 100_000
    static let maximumAliasBytes = 16 << 20
    private static let asterisk = ByteSearch.Needle("*")

    /// An alias used as a mapping key (`*a: x`, `? *a`), found in the text before Yams composes it: Yams hashes
    /// every key to find duplicates, and hashing an alias of a billion laughs takes hours. Spec keys are names, so
    /// an alias key is refused whatever it refers to.
    static func aliasKey(in text: String, file: String) -> Diagnostic? {
        // Every alias starts with `*`: a text without one (most specs) needs no scan.
        guard ByteSearch.contains(text, asterisk) else { return nil }
        var scanner = AliasKeyScanner(Array(text.utf8))
        guard let (line, column) = scanner.first() else { return nil }
        return .error(
            "spec-alias-expansion", "a YAML alias cannot be a mapping key in a spec",
            at: SourceLocation(file: file, line: line, column: column), hint: "write the key out")
    }
}

/// Finds `*alias` tokens that stand as mapping keys, skipping comments, quoted scalars and block scalars. It reads
/// tokens only as far as needed for that: the text is parsed for real by libyaml afterwards.
private struct AliasKeyScanner {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var lineStart = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
    // Switches, not sets: a set hashes every byte of the text.
    private static func startsToken(after byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","): return true
        default: return false
        }
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ","),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return true
        default: return false
        }
    }

    mutating func first() -> (Int, Int)? {
        var explicitKey = false  // after `? ` on this line
        var blockIndent: Int?  // inside a block scalar: lines indented more than this are text
        while index < bytes.count {
            let byte = bytes[index]
            let atTokenStart = index == lineStart || Self.startsToken(after: bytes[index - 1])
            if let indent = blockIndent, index == lineStart {
                let spaces = bytes[index...].prefix { $0 == Self.space }.count
                let blank = index + spaces >= bytes.count || bytes[index + spaces] == Self.newline
                if blank || spaces > indent {
                    skipLine()
                    continue
                }
                blockIndent = nil
            }
            switch byte {
            case Self.newline:
                index += 1
                line += 1
                lineStart = index
                explicitKey = false
                continue
            case UInt8(ascii: "#") where atTokenStart:
                skipLine(keepingNewline: true)
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atTokenStart { skipQuoted(byte) } else { index += 1 }
                continue
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                if atTokenStart, isBlockIndicator() {
                    blockIndent = bytes[lineStart...].prefix { $0 == Self.space }.count
                    skipLine(keepingNewline: true)
                } else {
                    index += 1
                }
                continue
            case UInt8(ascii: "?") where atTokenStart:
                if index + 1 >= bytes.count || Self.endsName(bytes[index + 1]) { explicitKey = true }
            case UInt8(ascii: "*") where atTokenStart:
                let start = (line, index - lineStart + 1)
                index += 1
                while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
                if explicitKey { return start }
                var next = index
                while next < bytes.count, bytes[next] == Self.space || bytes[next] == Self.tab { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: ":"),
                    next + 1 == bytes.count || Self.endsName(bytes[next + 1])
                {
                    return start
                }
                continue
            default: break
            }
            index += 1
        }
        return nil
    }

    /// `|` or `>` with optional indentation and chomping indicators, then only a comment or the line's end.
    private func isBlockIndicator() -> Bool {
        var next = index + 1
        while next < bytes.count,
            bytes[next] == UInt8(ascii: "+") || bytes[next] == UInt8(ascii: "-")
                || (bytes[next] >= UInt8(ascii: "1") && bytes[next] <= UInt8(ascii: "9"))
        {
            next += 1
        }
        while next < bytes.count, bytes[next] == Self.space || bytes[next] == Self.tab { next += 1 }
        return next >= bytes.count || bytes[next] == Self.newline || bytes[next] == UInt8(ascii: "\r")
            || bytes[next] == UInt8(ascii: "#")
    }

    private mutating func skipLine(keepingNewline: Bool = false) {
        while index < bytes.count, bytes[index] != Self.newline { index += 1 }
        if !keepingNewline, index < bytes.count {
            index += 1
            line += 1
            lineStart = index
        }
    }

    /// A quoted scalar, which may span lines: `\"` escapes in double quotes, `''` in single quotes.
    private mutating func skipQuoted(_ quote: UInt8) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.newline {
                line += 1
                lineStart = index + 1
            } else if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == quote {
                if quote == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == quote {
                    index += 1
                } else {
                    index += 1
                    return
                }
            }
            index += 1
        }
    }
}
