import GenCollectionsBase

/// `generate` is the default subcommand, so ArgumentParser reads a mistyped command as an argument of `generate`
/// ("Unexpected argument 'chek'", then generate's usage). `generate` takes no positional argument, so a first
/// argument that is neither an option nor a command is caught before parsing, as an unknown command.
enum UnknownCommand {
    /// The error for `arguments` (without the program name), or nil when the first one is an option or a command.
    static func message(for arguments: [String], commands: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) else { return nil }
        let word = TerminalText.escaped(first)
        if first.hasSuffix(".yaml") || first.hasSuffix(".yml") {
            return
                "error: unknown command '\(word)'; to generate from a spec file: gen-collections generate --spec FILE"
        }
        let closest =
            Spelling.closest(to: first, among: commands)
            ?? commands.first { !first.isEmpty && $0.hasPrefix(first.lowercased()) }
        if let closest { return "error: unknown command '\(word)'; did you mean '\(closest)'?" }
        return "error: unknown command '\(word)'; the commands are \(commands.joined(separator: ", "))"
    }
}
