import GenCollectionsBase
import GenCollectionsCore

/// A check over one linted file. One type per rule, one file per rule, under `Rules/`.
public protocol LintRule: Sendable {
    /// Id, severity, docs and the examples that are also the rule's tests.
    static var description: RuleDescription { get }
    init()
    /// The problems found in `file`; the linter adds the id, severity and path.
    func check(_ file: LintedFile) -> [Finding]
}

/// One problem a rule found: where (a byte offset in the file) and what.
public struct Finding: Sendable, Hashable {
    /// Byte offset the finding points at (the start of a node, or a place inside a string).
    public var offset: Int
    /// Lowercase, no final period; quotes the offending value.
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(offset: Int, message: String, hint: String? = nil) {
        self.offset = offset
        self.message = message
        self.hint = hint
    }
}

extension LintedFile {
    /// A finding at the start of node `node`.
    public func finding(at node: Int, _ message: String, hint: String? = nil) -> Finding {
        Finding(offset: document.offset(node), message: message, hint: hint)
    }
}

/// Where a rule belongs in the docs.
public enum RuleCategory: String, Sendable, CaseIterable {
    case format = "Format"
    case newman = "Newman pitfalls"
    case variables = "Variables"
    case secrets = "Secrets"
    case structure = "Structure"
    case scripts = "Scripts"
    case openBanking = "Open Banking"
}

/// What a rule is, for `gen-collections rules`, the docs and the example-driven tests.
public struct RuleDescription: Sendable {
    /// Kebab-case, stable, never reused.
    public var id: String
    public var name: String
    public var category: RuleCategory
    public var defaultSeverity: Diagnostic.Severity
    /// One line, no final period.
    public var summary: String
    /// Why it matters and what to do, a short paragraph.
    public var explanation: String
    /// Examples that must produce no finding.
    public var passing: [Example]
    /// Examples that must produce a finding exactly at each `↓`.
    public var failing: [Example]

    public init(
        id: String, name: String, category: RuleCategory, defaultSeverity: Diagnostic.Severity, summary: String,
        explanation: String, passing: [Example], failing: [Example]
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.explanation = explanation
        self.passing = passing
        self.failing = failing
    }
}
