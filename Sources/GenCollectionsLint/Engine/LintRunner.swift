import Dispatch
import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Lints paths on disk: finds the configuration, walks directories, reads files and runs the linter.
public enum LintRunner {
    /// What the command line asks for.
    public struct Options: Sendable {
        public var paths: [String]
        /// `--config`; nil searches `.gen-collections.yml` upward from the first path.
        public var configurationPath: String?
        /// `--env` files whose variables count as defined.
        public var environmentPaths: [String]
        /// `--baseline`: findings it lists are not reported.
        public var baselinePath: String?
        /// `--write-baseline`: every finding is written there instead of failing the run.
        public var writeBaselinePath: String?
        /// How many files are linted at once (results are still reported in walk order).
        public var jobs: Int
        /// `--max-input-size`: larger files are reported as unreadable, not read.
        public var maximumFileSize: Int
        /// Whether the environments and globals linted beside a file, in its folder, count as `--env` files
        /// (`NeighbourEnvironments`; `--no-neighbour-environments` turns it off).
        public var neighbourEnvironments: Bool

        public init(
            paths: [String], configurationPath: String? = nil, environmentPaths: [String] = [],
            baselinePath: String? = nil, writeBaselinePath: String? = nil,
            jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
            maximumFileSize: Int = InputFile.defaultMaximumSize, neighbourEnvironments: Bool = true
        ) {
            self.paths = paths
            self.configurationPath = configurationPath
            self.environmentPaths = environmentPaths
            self.baselinePath = baselinePath
            self.writeBaselinePath = writeBaselinePath
            self.jobs = max(1, jobs)
            self.maximumFileSize = maximumFileSize
            self.neighbourEnvironments = neighbourEnvironments
        }
    }

    /// One linted file, reported as soon as it and every file before it are done.
    public struct FileOutcome: Sendable {
        public var path: String
        public var diagnostics: [Diagnostic]
    }

    /// How a run ended.
    public struct Outcome: Sendable {
        public var result: LintResult
        /// An input, `--env` or `--config` file could not be read, or no file was found (exit 66).
        public var hasUnreadableInput: Bool
        /// The configuration, an `--env` file or the baseline is invalid (exit 1, nothing was linted).
        public var setupErrors: [Diagnostic]
        /// Findings the baseline absorbed (not in `result`).
        public var baselined: Int = 0
        /// Baseline entries that matched nothing (fixed findings; rewrite the baseline to drop them).
        public var staleBaselineEntries: Int = 0
        /// Where `--write-baseline` wrote, and how many entries.
        public var wroteBaseline: (path: String, entries: Int)?
    }

    /// Runs the lint.
    /// - Parameters:
    ///   - options: the command line.
    ///   - onFile: called for each file in walk order as soon as its findings are known (for streaming output);
    ///     problems that belong to no linted file (unreadable paths) come first.
    public static func run(_ options: Options, onFile: (@Sendable (FileOutcome) -> Void)? = nil) -> Outcome {
        var unreadable: [Diagnostic] = []
        func read(_ path: String) -> [UInt8]? {
            do {
                return try InputFile.bytes(path, maximumSize: options.maximumFileSize)
            } catch {
                unreadable.append(
                    .error(
                        "lint-unreadable", "cannot read '\(path)': \(error)", at: SourceLocation(file: path),
                        hint: (error.hint ?? "check that the path exists and is readable")
                            + "; the other inputs are still linted"))
                return nil
            }
        }
        // Configuration: a missing file is reported and the defaults are used.
        var configuration = LintConfiguration()
        let configurationPath = options.configurationPath ?? findConfiguration(from: options.paths.first ?? ".")
        if let configurationPath, let bytes = read(configurationPath) {
            do {
                configuration = try LintConfiguration.parse(
                    String(decoding: bytes, as: UTF8.self), file: configurationPath, knownRules: RuleRegistry.ids)
                configuration.baseDirectory = LintConfiguration.absolute(
                    (configurationPath as NSString).deletingLastPathComponent)
            } catch let error as DiagnosticsError {
                return Outcome(
                    result: .init(files: [], diagnostics: []), hasUnreadableInput: false, setupErrors: error.diagnostics
                )
            } catch {
                return Outcome(
                    result: .init(files: [], diagnostics: []), hasUnreadableInput: false,
                    setupErrors: [.error("config-invalid", "\(error)", at: SourceLocation(file: configurationPath))])
            }
        }
        // Environments given with --env: missing ones are reported, the others still count.
        let environments = options.environmentPaths.compactMap { path in read(path).map { (path: path, bytes: $0) } }
        var context: LintContext
        do {
            context = try Linter.context(environments: environments)
            context.hasEnvironment = !options.environmentPaths.isEmpty
        } catch let error as DiagnosticsError {
            return Outcome(
                result: .init(files: [], diagnostics: []), hasUnreadableInput: false, setupErrors: error.diagnostics)
        } catch {
            return Outcome(result: .init(files: [], diagnostics: []), hasUnreadableInput: false, setupErrors: [])
        }
        var baseline: Baseline?
        if let path = options.baselinePath {
            do {
                baseline = try Baseline.read(path)
            } catch let error as DiagnosticsError {
                return Outcome(
                    result: .init(files: [], diagnostics: []), hasUnreadableInput: false, setupErrors: error.diagnostics
                )
            } catch {}
        }
        // Files, then the certificate lists among them (their patterns feed certificate-port), then every file.
        var targets: [String] = []
        for path in options.paths {
            targets += discover(path, configuration: configuration, unreadable: &unreadable)
        }
        var seen: Set<String> = []
        targets = targets.filter { seen.insert(LintConfiguration.absolute($0)).inserted }
        for file in targets {
            let lowered = file.lowercased()
            guard lowered.hasSuffix(".json"), ByteSearch.contains(lowered, FileName.cert) else { continue }
            if let bytes = try? InputFile.bytes(file, maximumSize: options.maximumFileSize),
                let list = CertificateList.read(bytes, path: file)
            {
                context.certificateLists.append(list)
            }
        }
        context.fileExists = { FileManager.default.fileExists(atPath: $0) }
        context.isPrivate = { path in
            var info = stat()
            return stat(path, &info) == 0 && info.st_mode & 0o077 == 0
        }
        context.workingDirectory = FileManager.default.currentDirectoryPath
        let linter = Linter(configuration: configuration, context: context)
        var neighbourLinters: [String: Linter] = [:]
        if options.neighbourEnvironments {
            let contexts = NeighbourEnvironments.contexts(for: targets, base: context) {
                try? InputFile.bytes($0, maximumSize: options.maximumFileSize)
            }
            neighbourLinters = contexts.mapValues { Linter(configuration: configuration, context: $0) }
        }
        let wantsLocators = baseline != nil || options.writeBaselinePath != nil
        let preamble = unreadable
        onFile?(FileOutcome(path: "", diagnostics: preamble))

        // Lint in parallel; hand results on in walk order, each as soon as it and all before it are done.
        let walk = targets  // constants the workers can share
        let linters = neighbourLinters
        let collector = RunCollector(
            targets: walk, baseline: baseline,
            writer: options.writeBaselinePath.map { Baseline(entries: [], directory: Baseline.directory(of: $0)) },
            onFile: onFile)
        let workers = min(options.jobs, max(1, walk.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: walk.count) {
                collector.finish(
                    index,
                    lintTarget(
                        walk[index],
                        linter: linters.isEmpty
                            ? linter : linters[NeighbourEnvironments.folder(of: walk[index])] ?? linter,
                        locators: wantsLocators, maximumSize: options.maximumFileSize))
            }
        }
        var outcome = Outcome(
            result: LintResult(files: collector.linted, diagnostics: preamble + collector.diagnostics),
            hasUnreadableInput: !unreadable.isEmpty || collector.hasUnreadable, setupErrors: [])
        outcome.baselined = collector.baselined
        outcome.staleBaselineEntries = collector.remaining.values.reduce(0, +)
        let linted = collector.linted
        let written = collector.written
        if targets.isEmpty || linted.isEmpty, unreadable.isEmpty {
            let message = "no file to lint in \(options.paths.map { "'\($0)'" }.joined(separator: ", "))"
            let diagnostic = Diagnostic.error(
                "lint-no-files", message,
                hint: "lint looks for *.postman_collection.json, *.postman_environment.json, *.postman_globals.json, "
                    + "*cert*list*.json and gen-collections spec files; check the path and 'ignore' in "
                    + LintConfiguration.fileName)
            outcome.result.diagnostics.append(diagnostic)
            outcome.hasUnreadableInput = true
            onFile?(FileOutcome(path: "", diagnostics: [diagnostic]))
        }
        if let path = options.writeBaselinePath {
            let baseline = Baseline(entries: written, directory: Baseline.directory(of: path))
            do {
                try baseline.write(to: path)
                outcome.wroteBaseline = (path, written.count)
            } catch {
                outcome.setupErrors.append(
                    .error("lint-baseline", "cannot write baseline '\(path)': \(error)", at: SourceLocation(file: path))
                )
            }
        }
        return outcome
    }

    /// The result of one target.
    struct LintedTarget: Sendable {
        var linted: Bool
        var report: Linter.FileReport
        var unreadable: Diagnostic?
    }

    static func lintTarget(
        _ path: String, linter: Linter, locators: Bool, maximumSize: Int = InputFile.defaultMaximumSize
    ) -> LintedTarget {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.bytes(path, maximumSize: maximumSize)
        } catch {
            let diagnostic = Diagnostic.error(
                "lint-unreadable", "cannot read '\(path)': \(error)", at: SourceLocation(file: path),
                hint: error.hint ?? "check that the path exists and is readable")
            return LintedTarget(linted: false, report: .init(diagnostics: []), unreadable: diagnostic)
        }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") {
            // Other YAML files are not ours to lint.
            guard isSpec(path, bytes) else { return LintedTarget(linted: false, report: .init(diagnostics: [])) }
            let diagnostics = lintSpec(path, bytes)
            return LintedTarget(
                linted: true, report: .init(diagnostics: diagnostics, locators: diagnostics.map { _ in 0 }))
        }
        return LintedTarget(linted: true, report: linter.report(file: path, bytes: bytes, locators: locators))
    }

    /// `.gen-collections.yml` in the directory of `path` or the nearest directory above it.
    public static func findConfiguration(from path: String) -> String? {
        var isDirectory: ObjCBool = false
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var directory =
            FileManager.default.fileExists(atPath: absolute.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? absolute : absolute.deletingLastPathComponent()
        while true {
            let candidate = directory.appendingPathComponent(LintConfiguration.fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return relativeIfPossible(candidate) }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    private static func relativeIfPossible(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    /// The files to lint under `path`: the path itself when it is a file, else the matching files below it, sorted.
    /// A directory given as a symbolic link is followed (links inside the walk are not, so it cannot loop).
    static func discover(_ path: String, configuration: LintConfiguration, unreadable: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            unreadable.append(
                .error(
                    "lint-unreadable", "no such file or directory '\(path)'", at: SourceLocation(file: path),
                    hint: "check the path"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        let walkRoot = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let entries = DirectoryWalk.files(under: walkRoot) else {
            unreadable.append(
                .error("lint-unreadable", "cannot list directory '\(path)'", at: SourceLocation(file: path)))
            return []
        }
        var found: [String] = []
        for relative in entries {
            let name = String(FileName.split(relative).name)
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            guard isLintable(name), !configuration.isIgnored(full) else { continue }
            found.append(full)
        }
        return found.sorted()
    }

    /// Names the directory walk picks up.
    static func isLintable(_ name: String) -> Bool {
        let named = FileName(name)
        if named.promisesKnownKind { return true }
        let lowered = name.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// A YAML file whose top level has `gen-collections:`: one of our specs.
    static func isSpec(_ path: String, _ bytes: [UInt8]) -> Bool {
        let lowered = path.lowercased()
        guard lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") else { return false }
        // On bytes: splitting the text into lines took a tenth of linting a large spec.
        let marker = Array("gen-collections:".utf8)
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            if bytes[lineStart...].starts(with: marker) { return true }
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return false }
            lineStart = newline + 1
        }
        return false
    }

    /// A spec is validated by the generator's own loader; YAML files that are not specs are skipped.
    static func lintSpec(_ path: String, _ bytes: [UInt8]) -> [Diagnostic] {
        do {
            return try SpecLoader.load(bytes: bytes, file: path).warnings
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return [.error("spec-invalid", "\(error)", at: SourceLocation(file: path))]
        }
    }
}

/// Collects results from the workers and hands them on in walk order: a result that finishes early waits
/// for the ones before it. Baseline filtering happens here, in order, so runs are deterministic.
final class RunCollector: @unchecked Sendable {
    private let lock = NSLock()
    private let targets: [String]
    private let baseline: Baseline?
    private let writer: Baseline?
    private let onFile: (@Sendable (LintRunner.FileOutcome) -> Void)?
    private var pending: [Int: LintRunner.LintedTarget] = [:]
    private var nextIndex = 0

    private(set) var linted: [String] = []
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var written: [Baseline.Entry] = []
    private(set) var remaining: [String: Int]
    private(set) var baselined = 0
    private(set) var hasUnreadable = false

    init(
        targets: [String], baseline: Baseline?, writer: Baseline?,
        onFile: (@Sendable (LintRunner.FileOutcome) -> Void)?
    ) {
        self.targets = targets
        self.baseline = baseline
        self.writer = writer
        self.onFile = onFile
        remaining = baseline?.counts ?? [:]
    }

    /// Records result `index` and delivers every result that is now next in order.
    func finish(_ index: Int, _ result: LintRunner.LintedTarget) {
        lock.lock()
        defer { lock.unlock() }
        pending[index] = result
        while let ready = pending.removeValue(forKey: nextIndex) {
            deliver(targets[nextIndex], ready)
            nextIndex += 1
        }
    }

    private func deliver(_ path: String, _ result: LintRunner.LintedTarget) {
        if let problem = result.unreadable {
            hasUnreadable = true
            diagnostics.append(problem)
            onFile?(LintRunner.FileOutcome(path: path, diagnostics: [problem]))
        }
        guard result.linted else { return }
        var fileDiagnostics = result.report.diagnostics
        let locators = result.report.locators ?? fileDiagnostics.map { _ in 0 }
        if let writer {
            written += zip(fileDiagnostics, locators).map { writer.entry(for: $0, locator: $1) }
        }
        if let baseline {
            let before = fileDiagnostics.count
            fileDiagnostics = baseline.filter(fileDiagnostics, locators: locators, remaining: &remaining)
            baselined += before - fileDiagnostics.count
        }
        linted.append(path)
        diagnostics += fileDiagnostics
        onFile?(LintRunner.FileOutcome(path: path, diagnostics: fileDiagnostics))
    }
}

/// A shared work counter.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    /// The next index below `limit`, or nil when all are taken.
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
