import ArgumentParser
import GenCollectionsCore

@main
struct GenCollectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gen-collections", version: GenCollections.version,
        subcommands: [
            Lint.self,
            Rules.self,
        ])
}
