/// One problem the tool reports: a severity, a stable id, a message and, where known, a position.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Kebab-case id with an area prefix, e.g. `spec-unknown-key`.
    public var id: String
    /// Lowercase, no final period; quotes the offending value.
    public var message: String
    public var location: SourceLocation?
    /// What the user can do about it, printed on its own line.
    public var hint: String?

    public init(
        _ severity: Severity, id: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.id = id
        self.message = message
        self.location = location
        self.hint = hint
    }

    public static func error(
        _ id: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, id: id, message, at: location, hint: hint)
    }

    public static func warning(
        _ id: String, _ message: String, at location: SourceLocation? = nil, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, id: id, message, at: location, hint: hint)
    }

    /// `file:line:column: error: message [id]`, then the hint indented on the next line. Control characters of
    /// the path, the message and the hint are escaped (`TerminalText`): they often quote the user's input.
    public var description: String {
        let place = location.map { "\(TerminalText.escaped($0.description)): " } ?? "gen-collections: "
        var text = "\(place)\(severity.rawValue): \(TerminalText.escaped(message)) [\(id)]"
        if let hint { text += "\n  hint: \(TerminalText.escaped(hint))" }
        return text
    }
}

/// Thrown when a stage has collected at least one error; carries every diagnostic found so far.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a stage carries on; the stage throws at its end if any is an error.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Throws a `DiagnosticsError` holding everything collected when any error was emitted.
    public func throwIfErrors() throws {
        if hasErrors { throw DiagnosticsError(diagnostics) }
    }
}
