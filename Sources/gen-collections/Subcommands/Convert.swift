import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsImport

extension GenCollectionsCommand {
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Convert a Postman collection between format v2.1 and v2.0.",
            discussion: HelpText.discussion(
                """
                The formats differ in the layout of auth parameters; everything else is carried over unchanged. \
                What v2.0 cannot hold is a warning naming its place. The output is written atomically, or to \
                standard output without -o.
                """,
                examples: [
                    .init(
                        "An old v2.0 export, to v2.1",
                        "gen-collections convert old.postman_collection.json --to v2.1 -o new.postman_collection.json"),
                    .init(
                        "Keys sorted, for review diffs",
                        "gen-collections convert bank.postman_collection.json --to v2.1 --style canonical"),
                ],
                exitCodes: [
                    (ExitStatus.success, "converted (warnings allowed)"),
                    (ExitStatus.failure, "not a collection"),
                    (ExitStatus.noInput, "the file cannot be read"),
                    (ExitStatus.cannotCreate, "the output cannot be written"),
                ]))

        @Argument(help: ArgumentHelp("The collection (Postman v2.1 or v2.0 JSON).", valueName: "file"))
        var file: String

        @Option(name: .customLong("to"), help: ArgumentHelp("The format to write: v2.1 or v2.0.", valueName: "format"))
        var format: CollectionConverter.Format

        @Option(
            help: ArgumentHelp(
                "postman: the input's key order, tab-indented; canonical: keys sorted, two spaces.", valueName: "style")
        )
        var style: CollectionConverter.Style = .postman

        @Option(
            name: [.customShort("o"), .long],
            help: ArgumentHelp("Where to write the collection (default: standard output).", valueName: "file"))
        var output: String?

        @OptionGroup var limits: InputLimitOptions

        func run() throws {
            let bytes = try readInput(file, what: "collection", limit: limits.bytes)
            let result: CollectionConverter.Result
            do {
                result = try CollectionConverter.convert(bytes, file: file, to: format, style: style)
            } catch let error as DiagnosticsError {
                report(error.diagnostics)
                throw ExitStatus.failure
            }
            report(result.diagnostics)
            guard let output else {
                FileHandle.standardOutput.write(result.data)
                return
            }
            do {
                try ArtifactWriter.write(result.data, to: URL(fileURLWithPath: output))
            } catch {
                report([error.diagnostic])
                throw ExitStatus.cannotCreate
            }
        }
    }
}

extension CollectionConverter.Format: ExpressibleByArgument {}
extension CollectionConverter.Style: ExpressibleByArgument {}
