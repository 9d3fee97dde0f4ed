import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsImport

extension GenCollectionsCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Write a spec from a document you already have: a Postman collection or an OpenAPI document.",
            discussion: HelpText.discussion(
                """
                The spec is checked by loading it before it is written, and written atomically. What the spec \
                cannot say is a warning naming the place in the source document (docs/import-and-convert.md).
                """,
                examples: [
                    .init(
                        "Adopt a collection, then keep it in sync",
                        "gen-collections import postman bank.postman_collection.json -o bank.yaml"),
                    .init(
                        "Start from the bank's OpenAPI document",
                        "gen-collections import openapi aisp.yaml -o bank.yaml"),
                ],
                exitCodes: Self.exitCodes),
            subcommands: [Postman.self, OpenAPI.self])

        static let exitCodes: [(ExitCode, String)] = [
            (ExitStatus.success, "the spec was written (warnings allowed)"),
            (ExitStatus.failure, "invalid input, or a spec that would not load"),
            (ExitStatus.noInput, "the document cannot be read"),
            (ExitStatus.cannotCreate, "the spec cannot be written"),
        ]
    }
}

extension GenCollectionsCommand.Import {
    struct Postman: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "postman",
            abstract: "Adopt a Postman collection: a spec that generates it again.",
            discussion: HelpText.discussion(
                """
                Folders become flows, requests steps, collection variables and the environment's values \
                variables; scripts are kept verbatim, except this tool's own generated tests, which become \
                expectations and captures again. Right after adoption, 'gen-collections check' on the collection \
                reports what the spec cannot say and nothing else.
                """,
                examples: [
                    .init(
                        "Adopt a collection and its environment",
                        "gen-collections import postman bank.postman_collection.json --env bank.postman_environment.json -o bank.yaml"
                    ),
                    .init(
                        "Then: no drift on the original",
                        "gen-collections check --spec bank.yaml --out ."),
                ],
                exitCodes: GenCollectionsCommand.Import.exitCodes))

        @Argument(help: ArgumentHelp("The collection (Postman v2.1 or v2.0 JSON).", valueName: "collection"))
        var collection: String

        @Option(
            name: .customLong("env"),
            help: ArgumentHelp("A Postman environment whose values become the variables' defaults.", valueName: "file"))
        var environment: String?

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the spec.", valueName: "file"))
        var output: String

        @OptionGroup var limits: InputLimitOptions

        func run() throws {
            let bytes = try readInput(collection, what: "collection", limit: limits.bytes)
            let environmentBytes = try environment.map {
                (bytes: try readInput($0, what: "environment", limit: limits.bytes), file: $0)
            }
            try writeImported(output: output) {
                try PostmanImport.spec(fromCollection: bytes, file: collection, environment: environmentBytes)
            }
        }
    }

    struct OpenAPI: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "openapi",
            abstract: "Write a spec from an OpenAPI 3.0 or 3.1 document: one step per operation, by tag.",
            discussion: HelpText.discussion(
                """
                Servers become hosts, tags flows, operations steps with their parameters, a request body from \
                the schema's example or its smallest valid instance, auth from the security schemes and \
                expectations from the documented responses.
                """,
                examples: [
                    .init(
                        "The Open Banking account-information API",
                        "gen-collections import openapi account-info-openapi.yaml -o ais.yaml"),
                    .init("Then a bundle from it", "gen-collections generate --spec ais.yaml --out ais"),
                ],
                exitCodes: GenCollectionsCommand.Import.exitCodes))

        @Argument(help: ArgumentHelp("The OpenAPI document (YAML or JSON).", valueName: "file"))
        var document: String

        @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the spec.", valueName: "file"))
        var output: String

        @OptionGroup var limits: InputLimitOptions

        func run() throws {
            let bytes = try readInput(document, what: "OpenAPI document", limit: limits.bytes)
            try writeImported(output: output) { try OpenAPIImport.spec(fromDocument: bytes, file: document) }
        }
    }
}

/// Imports, checks that the spec loads, and writes it atomically; prints the importer's warnings and the spec's.
func writeImported(output: String, _ importing: () throws -> ImportResult) throws {
    let result: ImportResult
    do {
        result = try importing()
    } catch let error as DiagnosticsError {
        report(error.diagnostics)
        throw ExitStatus.failure
    }
    report(result.diagnostics)
    let yaml = SpecWriter.write(result.spec)
    do {
        let (_, warnings) = try SpecLoader.load(yaml, file: output)
        report(warnings)
    } catch let error as DiagnosticsError {
        report(
            error.diagnostics + [
                .error(
                    "import-invalid-spec", "the imported spec does not load; nothing was written",
                    at: SourceLocation(file: output), hint: "this is a bug of the importer: please report it")
            ])
        throw ExitStatus.failure
    }
    do {
        try ArtifactWriter.write(Data(yaml.utf8), to: URL(fileURLWithPath: output))
    } catch {
        report([error.diagnostic])
        throw ExitStatus.cannotCreate
    }
    let steps = result.spec.flows.reduce(0) { $0 + $1.steps.count }
    printText(
        "wrote \(output): \(result.spec.flows.count) flows, \(steps) steps; generate with: gen-collections generate --spec \(output)"
    )
}
