import ArgumentParser
import GenCollectionsBase
import GenCollectionsCore

extension GenCollectionsCommand {
    /// `gen-collections banks`: the bank specs compiled into the binary.
    struct Banks: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "banks",
            abstract: "List the bundled banks: their flows, what they do not support, and how clients authenticate.",
            discussion: HelpText.discussion(
                """
                Each bank is a spec compiled in from specs/. Pass --bank NAME to generate, check, sync, certs, \
                register or fetch-env instead of --spec FILE; 'gen-collections init --bank NAME' writes its spec \
                to a file you can edit.
                """,
                examples: [
                    .init("The bundled banks, their flows and what they do not support", "gen-collections banks"),
                    .init("The same as JSON, for scripts", "gen-collections banks --format json"),
                ],
                exitCodes: [
                    (ExitStatus.success, "the banks were listed"),
                    (ExitStatus.failure, "a bundled spec does not load (a bug: please report it)"),
                ]))

        /// A listing, not a report: text or json.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(name: .long, help: "The output format: text or json.")
        var format: Format = .text

        func run() throws {
            let banks: [BankSummary]
            do {
                banks = try BankSummary.bundled()
            } catch let error as DiagnosticsError {
                report(error.diagnostics)
                throw ExitStatus.failure
            }
            print(format == .json ? BankSummary.json(banks) : BankSummary.text(banks), terminator: "")
        }
    }
}
