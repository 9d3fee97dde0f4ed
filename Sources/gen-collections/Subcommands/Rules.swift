import ArgumentParser
import GenCollectionsLint

extension GenCollectionsCommand {
    /// `gen-collections rules`: list the lint rules with their docs.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rules",
            abstract: "List the lint rules, their default severities and what they check.",
            discussion: HelpText.discussion(
                """
                A rule's severity can be changed, and a rule turned off, in .gen-collections.yml (see docs/lint.md).
                """,
                examples: [
                    .init("Every rule, its default severity and summary", "gen-collections rules"),
                    .init("One rule in full, with examples", "gen-collections rules undefined-variable"),
                ],
                exitCodes: [
                    (ExitStatus.success, "the rules were listed"),
                    (ExitStatus.usage, "usage error, or an unknown rule id"),
                ]))

        @Argument(help: "Show only these rule ids, with their full explanation and examples.")
        var ids: [String] = []

        @Flag(help: "Print the rules reference as Markdown (the rules section of docs/lint.md).")
        var markdown = false

        func validate() throws {
            for id in ids where RuleRegistry.rule(id) == nil {
                throw ValidationError("unknown rule '\(id)'; run 'gen-collections rules' for the list")
            }
        }

        func run() throws {
            if markdown {
                print(RuleDocumentation.markdown(), terminator: "")
            } else if ids.isEmpty {
                print(RuleDocumentation.list(), terminator: "")
            } else {
                print(
                    ids.compactMap(RuleRegistry.rule).map { RuleDocumentation.details($0.description) }.joined(
                        separator: "\n"),
                    terminator: "")
            }
        }
    }
}
