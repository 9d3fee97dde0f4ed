import ArgumentParser
import GenCollectionsBase
import GenCollectionsCore

@main
struct GenCollectionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen-collections",
        abstract: "Generate, check and run Postman collections for Open Banking sandboxes.",
        discussion: """
            With no arguments, writes the default bank's bundle (\(BundledBank.defaultName)) into ./output; \
            'gen-collections banks' lists the bundled banks, and --bank NAME picks one wherever --spec is taken.

            Exit codes: 0 success; 1 invalid input, findings or drift; 64 usage error; 66 an input file cannot \
            be read; 69 a network or service failure; 73 an output file cannot be written.
            """,
        version: GenCollections.version,
        subcommands: [
            Generate.self, Init.self, Banks.self, Check.self, Sync.self, Lint.self, Rules.self, Certs.self,
            Register.self, FetchEnv.self, Mock.self, Import.self, Convert.self,
        ],
        defaultSubcommand: Generate.self
    )
}
