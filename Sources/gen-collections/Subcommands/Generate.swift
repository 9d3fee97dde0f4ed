import ArgumentParser
import Foundation
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the Postman collection, environment, certificate settings and runner for a spec.",
            discussion: "Without --spec, uses the embedded Monese sandbox spec. Files are replaced atomically.")

        @Option(name: .long, help: "The spec file (YAML). Default: the embedded Monese sandbox spec.")
        var spec: String?

        @Option(name: .long, help: "The bank's helper-API environment file; its values fill variables through their 'from' keys.")
        var env: String?

        @Option(name: .long, help: "The output folder.")
        var out: String = "output"

        @Flag(name: .long, help: "Also generate the steps the spec marks as unsupported by the bank.")
        var includeUnsupported = false

        @Flag(name: .long, help: "List the files that would be written, and write nothing.")
        var dryRun = false

        func run() throws {
            let spec = try loadSpec(spec)
            var options = Generator.Options(includeUnsupported: includeUnsupported)
            let artifacts: [Artifact]
            do {
                if let env {
                    options.helperEnvironment = try HelperEnvironment(data: try readInput(env, what: "environment file"), file: env)
                }
                artifacts = try Generator.artifacts(for: spec, options: options)
            } catch let error as DiagnosticsError {
                report(error.diagnostics)
                throw ExitStatus.failure
            }
            let folder = URL(fileURLWithPath: out)
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
