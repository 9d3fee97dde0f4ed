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
                'gen-collections banks' lists the bundled ones. Files are replaced atomically.
                """)

        @OptionGroup var bundle: BundleOptions

        @Flag(name: .long, help: "List the files that would be written, and write nothing.")
        var dryRun = false

        func run() throws {
            let artifacts = try bundle.generate()
            let folder = URL(fileURLWithPath: bundle.out)
            if dryRun {
                artifacts.forEach { print("would write \(folder.appendingPathComponent($0.path).relativePath)") }
                return
            }
            do {
                for url in try ArtifactWriter.write(artifacts, to: folder) { print("wrote \(url.relativePath)") }
            } catch {
                printError("gen-collections: error: \(error) [output-unwritable]")
                throw ExitStatus.cannotCreate
            }
        }
    }
}
