/// Renders rule descriptions for `gen-collections rules` and the rules section of `docs/lint.md`.
public enum RuleDocumentation {
    /// One line per rule: id, default severity, summary, grouped by category.
    public static func list() -> String {
        let width = RuleRegistry.all.map { $0.description.id.count }.max() ?? 0
        var text = ""
        for category in RuleCategory.allCases {
            let rules = RuleRegistry.all.map { $0.description }.filter { $0.category == category }
            guard !rules.isEmpty else { continue }
            text += "\(category.rawValue)\n"
            for rule in rules {
                let id = rule.id.padding(toLength: width)
                let severity = rule.defaultSeverity.rawValue.padding(toLength: 8)
                text += "  \(id)  \(severity)  \(rule.summary)\n"
            }
        }
        return text + "\nRun 'gen-collections rules ID' for a rule's explanation and examples.\n"
    }

    /// A rule's full text for the terminal.
    public static func details(_ rule: RuleDescription) -> String {
        var text = "\(rule.id) (\(rule.defaultSeverity.rawValue), \(rule.category.rawValue))\n  \(rule.summary)\n\n"
        text += wrap(rule.explanation, indent: "  ") + "\n"
        for (title, examples) in [("Passes", rule.passing), ("Fails (↓ marks the finding)", rule.failing)] {
            text += "\n  \(title):\n"
            for example in examples { text += "    [\(example.wrapping.label)] \(example.code)\n" }
        }
        return text
    }

    /// The Markdown rules reference, generated from the registry (`docs/lint.md` embeds it between markers).
    public static func markdown() -> String {
        var text = "| Rule | Category | Default | Summary |\n| --- | --- | --- | --- |\n"
        for rule in RuleRegistry.all.map({ $0.description }) {
            text +=
                "| [`\(rule.id)`](#\(rule.id)) | \(rule.category.rawValue) | \(rule.defaultSeverity.rawValue) | \(rule.summary) |\n"
        }
        for rule in RuleRegistry.all.map({ $0.description }) {
            text +=
                "\n### \(rule.id)\n\n\(rule.summary) (default: \(rule.defaultSeverity.rawValue)).\n\n\(rule.explanation)\n"
            for (title, examples) in [
                ("Passes", rule.passing), ("Fails (`↓` marks where the finding is reported)", rule.failing),
            ] {
                text += "\n\(title):\n\n"
                for example in examples {
                    var note = example.wrapping.label
                    if !example.environment.isEmpty {
                        note += ", with --env defining \(example.environment.joined(separator: ", "))"
                    }
                    text += "```json\n// \(note)\n\(example.code)\n```\n"
                }
            }
        }
        return text
    }

    private static func wrap(_ text: String, indent: String, width: Int = 100) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width, line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
