import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsLint

extension GenCollectionsCommand {
    /// `gen-collections lint`: validate Postman collections, environments and certificate lists for CI.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check Postman collections, environments, globals and certificate lists.",
            discussion: HelpText.discussion(
                """
                Directories are searched for *.postman_collection.json, *.postman_environment.json, \
                *.postman_globals.json, certificate lists (*cert*list*.json) and gen-collections spec files. \
                Settings come from .gen-collections.yml, found upward from the first path, or --config. The \
                variables of the environments and globals linted in the same folder count as defined, as with \
                --env. Rules and their docs: gen-collections rules. See docs/lint.md.
                """,
                examples: [
                    .init("The tool's own bundle", "gen-collections lint output"),
                    .init(
                        "SARIF for code scanning, failing on warnings too",
                        "gen-collections lint postman/ --format sarif --fail-on warning > lint.sarif"),
                ],
                exitCodes: [
                    (ExitStatus.success, "clean"),
                    (
                        ExitStatus.failure,
                        "findings at or above --fail-on, more warnings than --max-warnings, or an invalid "
                            + "configuration or baseline"
                    ),
                    (ExitStatus.noInput, "an input cannot be read, or no file was found to lint"),
                ]))

        @Argument(help: "Files and directories to lint.")
        var paths: [String]

        @Option(help: "Output format: text, json, junit, sarif or github.")
        var format: String = "text"

        @Option(name: .customLong("fail-on"), help: "Exit 1 on findings of this severity or worse: error or warning.")
        var failOn: String = "error"

        @Option(name: .customLong("max-warnings"), help: "Exit 1 when there are more warnings than this.")
        var maxWarnings: Int?

        @Option(
            name: .customLong("env"),
            help: "An environment or globals file whose variables count as defined (repeatable).")
        var environments: [String] = []

        @Flag(
            name: .customLong("neighbour-environments"), inversion: .prefixedNo,
            help: "Lint each file with the environment and globals files linted beside it, in its folder.")
        var neighbourEnvironments = true

        @Option(help: "The configuration file (default: .gen-collections.yml found upward from the first path).")
        var config: String?

        @Option(help: "A baseline file: the findings it lists are not reported (see --write-baseline).")
        var baseline: String?

        @Option(
            name: .customLong("write-baseline"),
            help: "Write every current finding to this baseline file and exit 0 (adopt the linter on old files).")
        var writeBaseline: String?

        @Option(help: .hidden)
        var jobs: Int?

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
            if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings must be 0 or more") }
            if baseline != nil, writeBaseline != nil {
                throw ValidationError("use either --baseline or --write-baseline, not both")
            }
        }

        func run() throws {
            if parseOnly { return try parseOnlyRun() }
            let reporter = Reporters.named(format) ?? TextReporter.self
            let threshold: Diagnostic.Severity = failOn == "warning" ? .warning : .error
            let stream = reporter.isStreaming
            let options = LintRunner.Options(
                paths: paths, configurationPath: config, environmentPaths: environments, baselinePath: baseline,
                writeBaselinePath: writeBaseline, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                maximumFileSize: limits.bytes, neighbourEnvironments: neighbourEnvironments)
            let outcome = LintRunner.run(options) { file in
                guard stream, !file.diagnostics.isEmpty else { return }
                FileHandle.standardOutput.write(Data(reporter.report(fileDiagnostics: file.diagnostics).utf8))
            }
            if !outcome.setupErrors.isEmpty {
                FileHandle.standardError.write(Data(outcome.setupErrors.map { $0.description + "\n" }.joined().utf8))
                throw ExitStatus.failure
            }
            let result = outcome.result
            if !stream {
                let current = FileManager.default.currentDirectoryPath
                let reportOptions = ReportOptions(
                    failOn: threshold, rules: RuleRegistry.metadata,
                    repositoryRoot: Self.repositoryRoot(from: current), workingDirectory: current)
                FileHandle.standardOutput.write(Data(reporter.report(result, options: reportOptions).utf8))
            }
            var summary =
                "\(result.files.count) file(s) linted: \(result.count(.error)) error(s), "
                + "\(result.count(.warning)) warning(s), \(result.count(.note)) note(s)"
            if outcome.baselined > 0 { summary += "; \(outcome.baselined) known finding(s) hidden by the baseline" }
            if outcome.staleBaselineEntries > 0 {
                summary +=
                    "; \(outcome.staleBaselineEntries) baseline entr(ies) no longer found (rewrite it to drop them)"
            }
            if let written = outcome.wroteBaseline {
                summary += "; wrote \(written.entries) finding(s) to \(written.path)"
            }
            if format == "text" || outcome.wroteBaseline != nil {
                FileHandle.standardError.write(Data((summary + "\n").utf8))
            }
            if outcome.hasUnreadableInput { throw ExitStatus.noInput }
            if outcome.wroteBaseline != nil { return }
            if result.hasFindings(atOrAbove: threshold) { throw ExitStatus.failure }
            if let maxWarnings, result.count(.warning) > maxWarnings {
                FileHandle.standardError.write(
                    Data("\(result.count(.warning)) warning(s), more than --max-warnings \(maxWarnings)\n".utf8))
                throw ExitStatus.failure
            }
        }

        /// The nearest directory at or above `directory` that holds `.git` (SARIF URIs are relative to it).
        static func repositoryRoot(from directory: String) -> String {
            var current = URL(fileURLWithPath: directory).standardizedFileURL
            while true {
                if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) {
                    return current.path
                }
                let parent = current.deletingLastPathComponent()
                if parent.path == current.path { return URL(fileURLWithPath: directory).standardizedFileURL.path }
                current = parent
            }
        }

        /// Benchmark baseline: read and parse the files with the lint JSON reader, run no rule.
        private func parseOnlyRun() throws {
            var nodes = 0
            for path in paths {
                guard let bytes = try? InputFile.bytes(path, maximumSize: limits.bytes) else {
                    throw ExitStatus.noInput
                }
                do {
                    nodes += try JSONReader.parse(bytes).nodeCount
                } catch {
                    FileHandle.standardError.write(Data("\(path):\(error)\n".utf8))
                    throw ExitStatus.failure
                }
            }
            print("parsed \(paths.count) file(s), \(nodes) nodes")
        }
    }
}
