import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write the Postman collection, environment, certificate settings and runner for a spec.",
            discussion: HelpText.discussion(
                """
                Without --spec or --bank, uses the default bank (\(BundledBank.defaultName)); \
                'gen-collections banks' lists the bundled ones. The bundle is replaced all or nothing: the files \
                are written beside the output folder first, then moved into place; a run that was killed is \
                finished or cleaned up by the next one.
                """,
                examples: [
                    .init("The default bank's bundle, into ./output", "gen-collections generate"),
                    .init(
                        "Your spec, with the values of the bank's helper-API environment file",
                        "gen-collections generate --spec bank.yaml --env helper.json --out bank"),
                ],
                exitCodes: [
                    (ExitStatus.success, "the bundle was written"),
                    (ExitStatus.failure, "invalid spec or helper file"),
                    (ExitStatus.noInput, "the spec or the helper file cannot be read"),
                    (ExitStatus.cannotCreate, "the bundle cannot be written"),
                ]))

        @OptionGroup var bundle: BundleOptions

        @OptionGroup var reportFormat: ReportFormatOptions

        @Flag(name: .long, help: "List the files that would be written, and write nothing.")
        var dryRun = false

        func run() throws {
            let folder = URL(fileURLWithPath: bundle.out)
            if !dryRun { ArtifactWriter.finishInterruptedWrite(in: folder) }
            let artifacts = try bundle.generate()
            if dryRun {
                artifacts.forEach { printText("would write \(folder.appendingPathComponent($0.path).relativePath)") }
                return
            }
            do {
                for url in try ArtifactWriter.write(artifacts, to: folder) { printText("wrote \(url.relativePath)") }
            } catch {
                report([error.diagnostic])
                throw ExitStatus.cannotCreate
            }
            printText(nextStep(written: Set(artifacts.map(\.path)), in: folder))
        }

        /// One line on what to do with the bundle: import it into Postman, or check the certificates and run it (a
        /// command line to paste).
        func nextStep(written: Set<String>, in folder: URL) -> String {
            let shown = { (file: String) in folder.appendingPathComponent(file).relativePath }
            let hasCertificates = written.contains(CertificateSettings.certificateListFile)
            var line = "next: import the collection and environment from \(folder.relativePath)/ into Postman"
            if written.contains(CertificateSettings.notesFile) {
                line += " (certificates: \(shown(CertificateSettings.notesFile)))"
            }
            guard written.contains(RunnerScript.fileName) else { return line }
            let runner = RunnerScript.fileName
            var source = ""
            if let spec = bundle.source.spec { source = " --spec \(shellWord(spec))" }
            if let bank = bundle.source.bank { source = " --bank \(shellWord(bank))" }
            let certs = hasCertificates ? "gen-collections certs\(source) --dir \(shellWord(bundle.out)) && " : ""
            let script = shown(runner).contains("/") ? shown(runner) : "./" + shown(runner)
            return line + ", or run: \(certs)\(shellWord(script))"
        }
    }
}
