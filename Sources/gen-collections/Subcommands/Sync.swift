import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sync",
            abstract: "Update the files in the output folder to match the spec, keeping what users added in Postman.",
            discussion: HelpText.discussion(
                """
                Keeps the user's own script lines, saved examples, edited descriptions, requests and folders the \
                spec does not know, and environment values they filled in; the spec wins on request fields. \
                Prints what changed, what was kept and any conflict. Files are replaced atomically. See \
                docs/sync.md.
                """,
                examples: [
                    .init("What a sync of output/ would change, writing nothing", "gen-collections sync --dry-run"),
                    .init(
                        "After editing your spec: update the bundle, keep your Postman edits",
                        "gen-collections sync --spec bank.yaml --out bank"),
                ],
                exitCodes: [
                    (ExitStatus.success, "synced, or nothing to do"),
                    (ExitStatus.failure, "invalid spec, or a file in the folder that is not JSON"),
                    (ExitStatus.noInput, "an input or the output folder cannot be read"),
                    (ExitStatus.cannotCreate, "a file cannot be written"),
                ]))

        @OptionGroup var bundle: BundleOptions

        @OptionGroup var reportFormat: ReportFormatOptions

        @Flag(name: .long, help: "Print what would change, and write nothing.")
        var dryRun = false

        func run() throws {
            // json keeps its own document of what sync did; sarif, junit and github report it as diagnostics.
            if reportFormat.format == "json" { DiagnosticReport.use(nil) }
            let folder = URL(fileURLWithPath: bundle.out)
            if !dryRun { ArtifactWriter.finishInterruptedWrite(in: folder) }
            let (generated, onDisk) = try bundle.load()
            let outcome: BundleSync.Outcome
            do {
                outcome = try BundleSync.sync(generated: generated, onDisk: onDisk)
            } catch let error as BundleSync.UnreadableFile {
                var shown = error
                shown.path = URL(fileURLWithPath: bundle.out).appendingPathComponent(error.path).relativePath
                printError("\(shown) (fix or remove the file; nothing was written)")
                throw ExitStatus.failure
            }
            if reportFormat.format == "json" {
                print(outcome.report.json(), terminator: "")
            } else if reportFormat.isText {
                printText(outcome.report.text(verb: dryRun ? "sync --dry-run" : "sync"), terminator: "")
            } else {
                report(outcome.report.diagnostics(in: bundle.out))
            }
            // Keep standard output a single JSON document in json mode.
            let say: (String) -> Void = reportFormat.format == "json" ? { printError($0) } : { printText($0) }
            if dryRun {
                for artifact in outcome.changed {
                    say("would write \(folder.appendingPathComponent(artifact.path).relativePath)")
                }
                return
            }
            do {
                for url in try ArtifactWriter.write(outcome.changed, to: folder) { say("wrote \(url.relativePath)") }
            } catch {
                report([error.diagnostic])
                throw ExitStatus.cannotCreate
            }
            if outcome.changed.isEmpty { say("nothing to write: the files already match the spec") }
        }
    }
}
