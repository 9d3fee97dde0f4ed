import GenCollectionsBase
import GenCollectionsCore

/// What a lint run produced: the files it linted and everything it found.
public struct LintResult: Sendable {
    /// Linted files, in the order they were linted.
    public var files: [String]
    /// Every diagnostic, grouped by file in `files` order, by position within a file.
    public var diagnostics: [Diagnostic]

    public init(files: [String], diagnostics: [Diagnostic]) {
        self.files = files
        self.diagnostics = diagnostics
    }

    /// How many diagnostics have `severity`.
    public func count(_ severity: Diagnostic.Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }

    /// Whether any diagnostic is at or above `threshold`.
    public func hasFindings(atOrAbove threshold: Diagnostic.Severity) -> Bool {
        diagnostics.contains { $0.severity >= threshold }
    }
}

/// What a reporter needs besides the diagnostics.
public struct ReportOptions: Sendable {
    /// Findings at or above this severity fail the run (JUnit counts only those as failures).
    public var failOn: Diagnostic.Severity
    /// Every rule and built-in diagnostic, for formats that describe them (SARIF).
    public var rules: [RuleMetadata]
    /// Absolute path of the repository root: SARIF URIs are relative to it (`%SRCROOT%`).
    public var repositoryRoot: String?
    /// Absolute path relative paths in diagnostics start from.
    public var workingDirectory: String?
    /// The command that reports, as JUnit names its test suites: `gen-collections lint`, `gen-collections check`, …
    public var command: String

    public init(
        failOn: Diagnostic.Severity = .error, rules: [RuleMetadata] = [], repositoryRoot: String? = nil,
        workingDirectory: String? = nil, command: String = "gen-collections lint"
    ) {
        self.failOn = failOn
        self.rules = rules
        self.repositoryRoot = repositoryRoot
        self.workingDirectory = workingDirectory
        self.command = command
    }
}

/// Renders a lint result in one output format.
public protocol Reporter: Sendable {
    /// The `--format` value.
    static var identifier: String { get }
    /// Whether the format can print each file's findings as soon as the file is done.
    static var isStreaming: Bool { get }
    /// The whole report, ending with a newline.
    static func report(_ result: LintResult, options: ReportOptions) -> String
    /// The part of a streaming report for one file's diagnostics.
    static func report(fileDiagnostics: [Diagnostic]) -> String
}

extension Reporter {
    public static var isStreaming: Bool { false }
    public static func report(fileDiagnostics: [Diagnostic]) -> String { "" }
}

/// The reporters by `--format` value.
public enum Reporters {
    /// Every reporter.
    public static let all: [any Reporter.Type] = [
        TextReporter.self, JSONReporter.self, JUnitReporter.self, SARIFReporter.self,
        GitHubReporter.self,
    ]

    /// The reporter for `identifier`.
    public static func named(_ identifier: String) -> (any Reporter.Type)? { all.first { $0.identifier == identifier } }
}

/// `file:line:column: severity: message [rule-id]`, with hints on the following line.
public enum TextReporter: Reporter {
    public static let identifier = "text"
    public static var isStreaming: Bool { true }

    public static func report(_ result: LintResult, options: ReportOptions) -> String {
        report(fileDiagnostics: result.diagnostics)
    }

    public static func report(fileDiagnostics: [Diagnostic]) -> String {
        fileDiagnostics.map { $0.description + "\n" }.joined()
    }
}

/// GitHub Actions workflow commands: one `::error file=…,line=…,col=…,title=…::message` per finding.
public enum GitHubReporter: Reporter {
    public static let identifier = "github"
    public static var isStreaming: Bool { true }

    public static func report(_ result: LintResult, options: ReportOptions) -> String {
        report(fileDiagnostics: result.diagnostics)
    }

    public static func report(fileDiagnostics: [Diagnostic]) -> String {
        fileDiagnostics.map { diagnostic in
            let command =
                switch diagnostic.severity {
                case .error: "error"
                case .warning: "warning"
                case .note: "notice"
                }
            var properties: [String] = []
            if let location = diagnostic.location {
                properties.append("file=\(escapeProperty(location.file))")
                if let line = location.line { properties.append("line=\(line)") }
                if let column = location.column { properties.append("col=\(column)") }
            }
            properties.append("title=\(escapeProperty(diagnostic.id))")
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
            return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message)) [\(diagnostic.id)]\n"
        }.joined()
    }

    /// Escaping of a command's message (GitHub's `escapeData`).
    static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Escaping of a property value (GitHub's `escapeProperty`).
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacing(":", with: "%3A").replacing(",", with: "%2C")
    }
}
