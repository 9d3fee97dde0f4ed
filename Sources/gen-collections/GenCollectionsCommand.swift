import ArgumentParser
import GenCollectionsBase
import GenCollectionsCore

@main
struct GenCollectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen-collections",
        abstract: "Generate, check and run Postman collections for Open Banking sandboxes.",
        discussion: HelpText.discussion(
            """
            With no arguments, writes the default bank's bundle (\(BundledBank.defaultName)) into ./output; \
            'gen-collections banks' lists the bundled banks, and --bank NAME picks one wherever --spec is taken.
            """,
            examples: [
                .init("The default bank's bundle, into ./output", "gen-collections"),
                .init("Each command has its own help, with examples", "gen-collections help lint"),
            ],
            exitCodes: ExitStatus.table),
        version: GenCollections.version,
        subcommands: [
            Generate.self, Init.self, Banks.self, Check.self, Sync.self, Lint.self, Rules.self, Certs.self,
            Register.self, FetchEnv.self, Mock.self, Import.self, Convert.self,
        ],
        defaultSubcommand: Generate.self
    )

    /// The commands a first argument may name, `help` included.
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

    /// A mistyped command is reported as one, with a did-you-mean (`UnknownCommand`), before ArgumentParser reads
    /// it as an argument of the default `generate`.
    static func main() async {
        if let message = UnknownCommand.message(for: Array(CommandLine.arguments.dropFirst()), commands: commandNames) {
            printError(message)
            printError("Run 'gen-collections --help' for the commands.")
            exit(withError: ExitStatus.usage)
        }
        // As ArgumentParser's own main, with the --format report written whichever way the command ends.
        do {
            var command = try parseAsRoot(nil)
            DiagnosticReport.name(type(of: command)._commandName)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            DiagnosticReport.finish()
            exit()
        } catch {
            DiagnosticReport.finish()
            exit(withError: error)
        }
    }
}
