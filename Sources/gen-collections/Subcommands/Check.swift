import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Report where the files in the output folder drift from the spec.",
            discussion: HelpText.discussion(
                """
                Regenerates the bundle in memory and compares it with the files on disk semantically: key order, \
                indentation and what the Postman app adds on export do not count. What users added in Postman \
                (their own script lines, examples, descriptions, requests, environment values) is listed as kept, \
                not as drift. Pass the same --spec or --bank, --env and --include-unsupported as the generate \
                that wrote the folder. See docs/sync.md.
                """,
                examples: [
                    .init("Does output/ still match the default bank's spec?", "gen-collections check"),
                    .init(
                        "Another bank's bundle, as JSON for a CI step",
                        "gen-collections check --bank ozone-model-bank --out ozone --format json"),
                ],
                exitCodes: [
                    (ExitStatus.success, "in sync"),
                    (ExitStatus.failure, "drift (a missing file is drift), or an invalid spec"),
                    (ExitStatus.noInput, "the spec, the --env file or the output folder cannot be read"),
                ]))

        @OptionGroup var bundle: BundleOptions

        @OptionGroup var reportFormat: ReportFormatOptions

        func run() throws {
            // json keeps its own document of the drift; sarif, junit and github report drift as diagnostics.
            if reportFormat.format == "json" { DiagnosticReport.use(nil) }
            let (generated, onDisk) = try bundle.load()
            if ArtifactWriter.interruptedWrite(in: URL(fileURLWithPath: bundle.out)) != nil {
                report([
                    .warning(
                        "output-interrupted", "a write of this folder was killed before it had moved every file",
                        at: SourceLocation(file: bundle.out),
                        hint: "run 'gen-collections generate' or 'sync' to finish it; until then files may mix versions"
                    )
                ])
            }
            // The record says what made the folder; it is not drift from the spec (a bundle written before records
            // existed has none), and 'sync' or 'generate' writes it.
            let drift = DriftChecker.check(
                generated: generated.filter { $0.path != BundleRecord.file }, onDisk: onDisk)
            if reportFormat.format == "json" {
                print(drift.json(), terminator: "")
            } else if reportFormat.isText {
                printText(drift.text(), terminator: "")
            } else {
                report(drift.diagnostics(in: bundle.out))
            }
            if drift.hasDrift { throw ExitStatus.failure }
        }
    }
}
