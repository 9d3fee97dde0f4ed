import ArgumentParser
import Foundation
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report where the files in the output folder drift from the spec.",
            discussion: """
                Regenerates the bundle in memory and compares it with the files on disk semantically: key order, \
                indentation and what the Postman app adds on export do not count. What users added in Postman \
                (their own script lines, examples, descriptions, requests, environment values) is listed as kept, \
                not as drift. Exit codes: 0 in sync, 1 drift (a missing file is drift), 64 usage error, 66 the \
                spec, the --env file or the output folder cannot be read. See docs/sync.md.
                """)

        @OptionGroup var bundle: BundleOptions

        @Option(name: .long, help: "The report format: text or json.")
        var format: ReportFormat = .text

        func run() throws {
            let (generated, onDisk) = try bundle.load()
            let drift = DriftChecker.check(generated: generated, onDisk: onDisk)
            print(format == .json ? drift.json() : drift.text(), terminator: "")
            if drift.hasDrift { throw ExitStatus.failure }
        }
    }

    /// The report formats of `check` and `sync`.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// The options `check` and `sync` share with `generate`, and the loading they share.
    struct BundleOptions: ParsableArguments {
        @Option(name: .long, help: "The spec file (YAML). Default: the embedded Monese sandbox spec.")
        var spec: String?

        @Option(name: .long, help: "The bank's helper-API environment file, as given to generate.")
        var env: String?

        @Option(name: .long, help: "The folder holding the bundle.")
        var out: String = "output"

        @Flag(name: .long, help: "The bundle was generated with --include-unsupported.")
        var includeUnsupported = false

        /// The bundle generated in memory and the files of it found in `out`; exits 66 when an input or the
        /// folder cannot be read (a missing file in an existing folder is drift, not an error).
        func load() throws -> (generated: [Artifact], onDisk: [String: Data]) {
            let spec = try loadSpec(spec)
            var options = Generator.Options(includeUnsupported: includeUnsupported)
            if let env {
                do {
                    options.helperEnvironment = try HelperEnvironment(
                        data: try readInput(env, what: "environment file"), file: env)
                } catch let error as DiagnosticsError {
                    report(error.diagnostics)
                    throw ExitStatus.failure
                }
            }
            let generated = try Generator.artifacts(for: spec, options: options)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
                printError(
                    "\(out): error: cannot read the output folder: no such folder; "
                        + "run 'gen-collections generate --out \(out)' first [input-unreadable]")
                throw ExitStatus.noInput
            }
            var onDisk: [String: Data] = [:]
            for artifact in generated {
                let path = URL(fileURLWithPath: out).appendingPathComponent(artifact.path).path
                if FileManager.default.fileExists(atPath: path) {
                    onDisk[artifact.path] = try readInput(path, what: "bundle file")
                }
            }
            return (generated, onDisk)
        }
    }
}
