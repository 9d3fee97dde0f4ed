import ArgumentParser

/// How each command's help ends: examples to paste, then its exit codes, laid out the same way everywhere.
/// ArgumentParser wraps help at the terminal width (80 columns when it is not a terminal) with no hanging indent,
/// so these lines are wrapped here, under 80 columns.
enum HelpText {
    struct Example {
        /// What the example does, printed as a shell comment above it.
        var comment: String
        /// One line, or several joined by " \\\n", each under 78 columns (HelpTests checks the width).
        var command: String

        init(_ comment: String, _ command: String) {
            self.comment = comment
            self.command = command
        }
    }

    /// `text`, then "Examples:" and "Exit codes:". Every command can fail to parse, so 64 is added when `exitCodes`
    /// leaves it out; the codes are those of `ExitStatus.table`.
    static func discussion(
        _ text: String, examples: [Example], exitCodes: [(code: ExitCode, meaning: String)]
    ) -> String {
        var codes = exitCodes
        if !codes.contains(where: { $0.code == ExitStatus.usage }) {
            codes.append((ExitStatus.usage, ExitStatus.usage64))
            codes.sort { $0.code.rawValue < $1.code.rawValue }
        }
        var lines = [text, "", "Examples:"]
        for example in examples {
            lines += wrap(example.comment, first: "  # ", rest: "  # ")
            lines += example.command.split(separator: "\n").map { "  " + String($0) }
        }
        return (lines + [""] + exitCodeLines(codes)).joined(separator: "\n")
    }

    /// The whole table, for the root command.
    static var allExitCodes: String { exitCodeLines(ExitStatus.table).joined(separator: "\n") }

    private static func exitCodeLines(_ codes: [(code: ExitCode, meaning: String)]) -> [String] {
        ["Exit codes:"]
            + codes.flatMap { code, meaning in
                let number = String(code.rawValue)
                return wrap(
                    meaning, first: "  " + number + String(repeating: " ", count: 4 - number.count), rest: "      ")
            }
    }

    /// `text` in lines under 80 columns: the first starts with `first`, the others with `rest`. Widths are counted
    /// in characters as they are appended (this runs for every command's help at every start, so no line is
    /// measured again).
    private static func wrap(_ text: String, first: String, rest: String) -> [String] {
        var lines: [String] = []
        var line = first
        var (width, prefixWidth) = (first.count, first.count)
        for word in text.split(separator: " ") {
            let wordWidth = word.count
            if width > prefixWidth, width + 1 + wordWidth >= 80 {
                lines.append(line)
                line = rest
                (width, prefixWidth) = (rest.count, rest.count)
            } else if width > prefixWidth {
                line.append(" ")
                width += 1
            }
            line.append(contentsOf: word)
            width += wordWidth
        }
        return lines + [line]
    }
}
