import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsLint

extension GenCollectionsCommand {
    /// `gen-collections lint`: validate Postman collections, environments and certificate lists for CI.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check Postman collections, environments, globals and certificate lists.",
            discussion: """
                Directories are searched for *.postman_collection.json, *.postman_environment.json, \
                *.postman_globals.json, certificate lists (*cert*list*.json) and gen-collections spec files. \
                Settings come from .gen-collections.yml, found upward from the first path, or --config. \
                Exit status: 0 clean, 1 findings at or above --fail-on (or an invalid configuration), \
                64 usage error, 66 an input cannot be read. Rules and their docs: gen-collections rules.
                """)

        @Argument(help: "Files and directories to lint.")
        var paths: [String]

        @Option(help: "Output format: text, json, junit, sarif or github.")
        var format: String = "text"

        @Option(name: .customLong("fail-on"), help: "Exit 1 on findings of this severity or worse: error or warning.")
        var failOn: String = "error"

        @Option(
            name: .customLong("env"),
            help: "An environment or globals file whose variables count as defined (repeatable).")
        var environments: [String] = []

        @Option(help: "The configuration file (default: .gen-collections.yml found upward from the first path).")
        var config: String?

        @OptionGroup var limits: InputLimitOptions

        @Flag(name: .customLong("parse-only"), help: .hidden)
        var parseOnly = false

        func validate() throws {
            guard Reporters.named(format) != nil else {
                throw ValidationError("unknown format '\(format)'; use text, json, junit, sarif or github")
            }
            guard failOn == "error" || failOn == "warning" else {
                throw ValidationError("unknown --fail-on value '\(failOn)'; use error or warning")
            }
        }

        func run() throws {
            if parseOnly { return try parseOnlyRun() }
            let outcome = LintRunner.run(
                .init(
                    paths: paths, configurationPath: config, environmentPaths: environments,
                    maximumFileSize: limits.bytes))
            if !outcome.setupErrors.isEmpty {
                FileHandle.standardError.write(Data(outcome.setupErrors.map { $0.description + "\n" }.joined().utf8))
                throw ExitCode.failure
            }
            let reporter = Reporters.named(format) ?? TextReporter.self
            FileHandle.standardOutput.write(Data(reporter.report(outcome.result).utf8))
            let result = outcome.result
            if format == "text" {
                let summary =
                    "\(result.files.count) file(s) linted: \(result.count(.error)) error(s), "
                    + "\(result.count(.warning)) warning(s), \(result.count(.note)) note(s)\n"
                FileHandle.standardError.write(Data(summary.utf8))
            }
            if outcome.hasUnreadableInput { throw ExitCode(66) }
            if result.hasFindings(atOrAbove: failOn == "warning" ? .warning : .error) { throw ExitCode.failure }
        }

        /// Benchmark baseline: read and parse the files with the lint JSON reader, run no rule.
        private func parseOnlyRun() throws {
            var nodes = 0
            for path in paths {
                guard let data = try? InputFile.read(path, maximumSize: limits.bytes) else { throw ExitCode(66) }
                do {
                    nodes += try JSONReader.parse([UInt8](data)).nodeCount
                } catch {
                    FileHandle.standardError.write(Data("\(path):\(error)\n".utf8))
                    throw ExitCode.failure
                }
            }
            print("parsed \(paths.count) file(s), \(nodes) nodes")
        }
    }
}
