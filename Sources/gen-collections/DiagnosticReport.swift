import Foundation
import GenCollectionsBase
import GenCollectionsLint

/// Where a command's diagnostics go. In text (the default) each is printed to standard error as it comes; with
/// `--format json|junit|sarif|github` they are collected and written once, when the command ends, to standard
/// output, in the lint reporters' formats, and the command's other lines go to standard error, so standard output
/// holds one report a CI step can upload.
enum DiagnosticReport {
    private struct State {
        var reporter: (any Reporter.Type)?
        var diagnostics: [Diagnostic] = []
        /// The command that reports, for the report's name.
        var command = "gen-collections"
    }

    /// The state behind a lock (Synchronization's Mutex needs macOS 15; the package supports 14).
    private final class Locked: @unchecked Sendable {
        private let lock = NSLock()
        private var value = State()

        func withLock<T>(_ body: (inout State) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&value)
        }
    }

    private static let state = Locked()

    /// The machine format chosen with `--format`, or nil for text.
    static var reporter: (any Reporter.Type)? { state.withLock { $0.reporter } }

    static func use(_ reporter: (any Reporter.Type)?) { state.withLock { $0.reporter = reporter } }

    /// Names the report after the command that runs (`check` gives `gen-collections check`).
    static func name(_ command: String) { state.withLock { $0.command = "gen-collections \(command)" } }

    /// Prints the diagnostics (text) or keeps them for the report at the end.
    static func emit(_ diagnostics: [Diagnostic]) {
        let collecting = state.withLock { state in
            guard state.reporter != nil else { return false }
            state.diagnostics += diagnostics
            return true
        }
        if !collecting { for diagnostic in diagnostics { printError(diagnostic.description) } }
    }

    /// Writes the collected report, once; nothing in text mode.
    static func finish() {
        let (reporter, diagnostics, command) = state.withLock { state in
            defer { state.reporter = nil }
            return (state.reporter, state.diagnostics, state.command)
        }
        guard let reporter else { return }
        let files = diagnostics.compactMap(\.location?.file).reduce(into: [String]()) { files, file in
            if !files.contains(file) { files.append(file) }
        }
        let report = reporter.report(
            LintResult(files: files, diagnostics: diagnostics),
            options: ReportOptions(workingDirectory: FileManager.default.currentDirectoryPath, command: command))
        FileHandle.standardOutput.write(Data(report.utf8))
    }
}
