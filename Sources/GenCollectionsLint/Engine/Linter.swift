import Dispatch
import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Lints one file's bytes with the registered rules; never touches the disk.
///
/// ```swift
/// let diagnostics = Linter().lint(file: "out/x.postman_collection.json", contents: data)
/// ```
public struct Linter: Sendable {
    public var context: LintContext
    public var rules: [any LintRule.Type] { didSet { identities = Self.identities(of: rules) } }
    /// Each rule's id and default severity, read once: a description holds the rule's documentation, and
    /// copying it twice per rule and file was 4% of linting a tree of 1,000 files.
    private var identities: [(id: String, severity: Diagnostic.Severity)]

    /// - Parameters:
    ///   - configuration: severities and Open Banking mode.
    ///   - context: what the run knows besides the file (`--env` variables); its configuration is replaced.
    ///   - rules: the rules to run, all registered ones by default.
    public init(
        configuration: LintConfiguration = LintConfiguration(), context: LintContext = LintContext(),
        rules: [any LintRule.Type] = RuleRegistry.all
    ) {
        var context = context
        context.configuration = configuration
        self.context = context
        self.rules = rules
        identities = Self.identities(of: rules)
    }

    private static func identities(of rules: [any LintRule.Type]) -> [(id: String, severity: Diagnostic.Severity)] {
        rules.map { ($0.description.id, $0.description.defaultSeverity) }
    }

    /// Lints file contents.
    /// - Parameters:
    ///   - path: the path printed in diagnostics.
    ///   - contents: the file's bytes.
    /// - Returns: diagnostics sorted by position, inline suppressions applied.
    public func lint(file path: String, contents: Data) -> [Diagnostic] {
        lint(file: path, bytes: [UInt8](contents))
    }

    /// Lints file bytes; see `lint(file:contents:)`.
    public func lint(file path: String, bytes: [UInt8]) -> [Diagnostic] {
        report(file: path, bytes: bytes, locators: false).diagnostics
    }

    /// What linting one file produced.
    struct FileReport: Sendable {
        var diagnostics: [Diagnostic]
        /// One stable locator hash per diagnostic (for baselines), when asked for.
        var locators: [UInt64]?
    }

    /// Lints file bytes, with a stable locator per diagnostic when `locators` is true.
    func report(file path: String, bytes: [UInt8], locators: Bool) -> FileReport {
        if let encoding = TextEncoding.unsupported(bytes) {
            return FileReport(
                diagnostics: [
                    .error(
                        "json-encoding", "the file is \(encoding), but newman reads JSON files as UTF-8",
                        at: SourceLocation(file: path, line: 1, column: 1),
                        hint: "convert it, e.g. 'iconv -f \(encoding.iconvName) -t UTF-8', or re-export it")
                ], locators: locators ? [0] : nil)
        }
        let document: JSONDocument
        do {
            document = try JSONReader.parse(bytes)
        } catch let error as JSONSyntaxError {
            return FileReport(
                diagnostics: [
                    .error(
                        "json-syntax", error.message,
                        at: SourceLocation(file: path, line: error.position.line, column: error.position.column),
                        hint: "newman parses files with JSON.parse, which rejects this; fix the JSON syntax")
                ], locators: locators ? [0] : nil)
        } catch {
            return FileReport(
                diagnostics: [.error("json-syntax", "\(error)", at: SourceLocation(file: path))],
                locators: locators ? [0] : nil)
        }
        return lint(LintedFile(path: path, document: document, context: context), locators: locators)
    }

    /// Runs the rules over a parsed file.
    func lint(_ file: LintedFile, locators: Bool = false) -> FileReport {
        let start = SourceLocation(file: file.path, line: 1, column: 1)
        switch file.kind {
        case .collectionV1:
            return FileReport(
                diagnostics: [
                    .error(
                        "postman-v1-unsupported", "postman collection format v1 is not supported", at: start,
                        hint: "v1 was retired in 2016: Postman no longer exports it and newman only converts it "
                            + "with a deprecation warning; re-export the collection as v2.1 from the Postman app")
                ], locators: locators ? [0] : nil)
        case .unknown:
            // A name that promises a Postman file makes content that is none an error: newman will reject it.
            let named = FileName(file.path)
            let severity: Diagnostic.Severity = named.promisesKnownKind ? .error : .warning
            return FileReport(
                diagnostics: [
                    Diagnostic(
                        severity, id: "postman-unknown-file",
                        named.promisesKnownKind
                            ? "named like a postman or newman file, but not a collection, environment, globals or "
                                + "certificate list"
                            : "not a postman collection, environment, globals or newman certificate list", at: start,
                        hint: "collections need 'info' and 'item'; environments need 'values'; "
                            + "certificate lists are arrays of {name, matches, key, cert}")
                ], locators: locators ? [0] : nil)
        default:
            break
        }
        let suppressions = Suppressions(file: file, knownRules: RuleRegistry.ids)
        let active = zip(rules, identities).compactMap { rule, identity in
            context.configuration.severity(ofRule: identity.id, default: identity.severity).map {
                (rule: rule, id: identity.id, severity: $0)
            }
        }
        let results = Self.run(active.map(\.rule), on: file)
        var found: [(offset: Int, diagnostic: Diagnostic)] = []
        for ((_, id, severity), findings) in zip(active, results) {
            for finding in findings
            where suppressions.scopes.isEmpty || !suppressions.suppresses(id, at: finding.offset) {
                found.append((finding.offset, diagnostic(finding, severity, id, file)))
            }
        }
        for problem in suppressions.problems {
            found.append((problem.offset, diagnostic(problem, .error, "lint-suppression", file)))
        }
        var sorted = found.enumerated().sorted { lhs, rhs in
            (lhs.element.offset, lhs.offset) < (rhs.element.offset, rhs.offset)
        }.map(\.element)
        // Lines and columns in one pass over the sorted offsets (a one-line file with many findings stays linear).
        let positions = file.document.positions(ofSorted: sorted.map(\.offset))
        for index in sorted.indices {
            sorted[index].diagnostic.location = SourceLocation(
                file: file.path, line: positions[index].line, column: positions[index].column)
        }
        var hashes: [UInt64]?
        if locators {
            let locator = Locator(document: file.document)
            hashes = sorted.map { locator.hash(atOffset: $0.offset) }
        }
        return FileReport(diagnostics: sorted.map(\.diagnostic), locators: hashes)
    }

    /// Read once: Foundation reads the cgroup's CPU quota and cpuset files at every call (7% of linting a tree
    /// of 1,000 small files when it was asked per file).
    static let processorCount = ProcessInfo.processInfo.activeProcessorCount

    /// The findings of each rule, in rule order. A large file's rules run on all cores: the facts rules share are
    /// computed first, so the rules only read the file.
    static func run(_ rules: [any LintRule.Type], on file: LintedFile) -> [[Finding]] {
        guard file.document.nodeCount > 200_000, rules.count > 1, processorCount > 1 else {
            return rules.map { $0.init().check(file) }
        }
        let workers = processorCount
        file.computeSharedFacts()
        let shared = SharedFile(file: file)
        let results = ResultSlots(count: rules.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: min(workers, rules.count)) { _ in
            while let index = next.take(below: rules.count) {
                results.set(index, rules[index].init().check(shared.file))
            }
        }
        return results.values
    }

    private func diagnostic(
        _ finding: Finding, _ severity: Diagnostic.Severity, _ id: String, _ file: LintedFile
    )
        -> Diagnostic
    {
        Diagnostic(severity, id: id, finding.message, at: SourceLocation(file: file.path), hint: finding.hint)
    }

    /// Variables defined by environment or globals files, for `--env`.
    /// - Parameter files: path and bytes of each file.
    /// - Returns: a context whose enabled and disabled variables are those of the files.
    /// - Throws: `DiagnosticsError` when a file is not valid JSON or not an environment.
    public static func context(environments files: [(path: String, bytes: [UInt8])]) throws -> LintContext {
        var context = LintContext(hasEnvironment: !files.isEmpty)
        var problems: [Diagnostic] = []
        for (path, bytes) in files {
            do {
                let file = LintedFile(path: path, document: try JSONReader.parse(bytes), context: context)
                guard file.kind.isVariableScope else {
                    problems.append(
                        .error(
                            "lint-env-not-environment", "'\(path)' is not a postman environment or globals file",
                            at: SourceLocation(file: path, line: 1, column: 1),
                            hint: "--env takes *.postman_environment.json or *.postman_globals.json files"))
                    continue
                }
                for definition in file.variableDefinitions {
                    if definition.disabled {
                        context.disabledEnvironmentVariables.insert(definition.name)
                    } else {
                        context.environmentVariables.insert(definition.name)
                        if let value = file.document.string(definition.node, "value") {
                            context.environmentValues[definition.name] = value
                        }
                    }
                }
            } catch let error as JSONSyntaxError {
                problems.append(
                    .error(
                        "json-syntax", error.message,
                        at: SourceLocation(file: path, line: error.position.line, column: error.position.column)))
            }
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        return context
    }
}

/// A parsed file shared by rule workers once its facts are computed (it is only read from then on).
private final class SharedFile: @unchecked Sendable {
    let file: LintedFile
    init(file: LintedFile) { self.file = file }
}

/// One result per rule, written by the workers.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[Finding]]
    init(count: Int) { slots = Array(repeating: [], count: count) }

    func set(_ index: Int, _ findings: [Finding]) {
        lock.lock()
        slots[index] = findings
        lock.unlock()
    }

    var values: [[Finding]] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// Encodings Newman cannot read, told apart before parsing so the message names them.
enum TextEncoding {
    case utf16LittleEndian, utf16BigEndian, utf32

    /// The encoding of `bytes` when it is UTF-16 or UTF-32 (by byte order mark, or by the zero bytes ASCII text
    /// has in those encodings).
    static func unsupported(_ bytes: [UInt8]) -> TextEncoding? {
        guard bytes.count >= 2 else { return nil }
        let padded = bytes.prefix(4) + [UInt8](repeating: 1, count: max(0, 4 - bytes.count))
        let (b0, b1, b2, b3) = (padded[0], padded[1], padded[2], padded[3])
        if (b0, b1, b2, b3) == (0xFF, 0xFE, 0, 0) || (b0, b1, b2, b3) == (0, 0, 0xFE, 0xFF) { return .utf32 }
        if b0 == 0xFF, b1 == 0xFE { return .utf16LittleEndian }
        if b0 == 0xFE, b1 == 0xFF { return .utf16BigEndian }
        if b0 != 0, b1 == 0 { return b2 == 0 && b3 == 0 ? .utf32 : .utf16LittleEndian }
        if b0 == 0, b1 != 0 { return .utf16BigEndian }
        if b0 == 0, b1 == 0, b2 == 0, b3 != 0 { return .utf32 }
        return nil
    }
}

extension TextEncoding: CustomStringConvertible {
    var description: String {
        switch self {
        case .utf16LittleEndian: return "UTF-16 (little-endian)"
        case .utf16BigEndian: return "UTF-16 (big-endian)"
        case .utf32: return "UTF-32"
        }
    }

    var iconvName: String {
        switch self {
        case .utf16LittleEndian, .utf16BigEndian: return "UTF-16"
        case .utf32: return "UTF-32"
        }
    }
}
