import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the Postman collection, environment, certificate settings and runner for a spec.",
            discussion: """
                Without --spec or --bank, uses the default bank (\(BundledBank.defaultName)); \
                'gen-collections banks' lists the bundled ones. The bundle is replaced all or nothing: the files \
                are written beside the output folder first, then moved into place; a run that was killed is \
                finished or cleaned up by the next one. Exit codes: 0 written, 1 invalid spec or helper file, 64 \
                usage error, 66 an input cannot be read, 73 the bundle cannot be written.
                """)

        @OptionGroup var bundle: BundleOptions

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
        }
    }
}
