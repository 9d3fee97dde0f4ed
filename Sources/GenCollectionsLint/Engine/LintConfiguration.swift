import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Yams

/// The `lint:` section of `.gen-collections.yml`: rule severities, disabled rules, ignored paths.
///
/// ```yaml
/// lint:
///   rules:
///     missing-test-script: note   # error | warning | note | off
///   disabled: [empty-folder]
///   ignore: ["vendor/**", "**/*.draft.postman_collection.json"]
///   openBanking: auto             # auto | always | never
/// ```
public struct LintConfiguration: Sendable {
    /// When the Open Banking rules apply.
    public enum OpenBankingMode: String, Sendable, CaseIterable {
        /// When the collection sends `x-fapi-*` headers or calls `/open-banking/` paths.
        case auto
        case always
        case never
    }

    /// The configuration file name, searched upward from the linted paths.
    public static let fileName = ".gen-collections.yml"

    /// Severity per rule id; a nil value turns the rule off.
    public var severities: [String: Diagnostic.Severity?] = [:]
    /// Glob patterns (`*`, `**`, `?`) of paths to skip, relative to `baseDirectory`.
    public var ignore: [String] = []
    public var openBanking: OpenBankingMode = .auto
    /// The directory of the configuration file, which `ignore` patterns are relative to.
    public var baseDirectory: String?

    public init(
        severities: [String: Diagnostic.Severity?] = [:], ignore: [String] = [], openBanking: OpenBankingMode = .auto
    ) {
        self.severities = severities
        self.ignore = ignore
        self.openBanking = openBanking
    }

    /// The severity rule `id` runs at, or nil when it is off.
    public func severity(of rule: RuleDescription) -> Diagnostic.Severity? {
        severity(ofRule: rule.id, default: rule.defaultSeverity)
    }

    /// `severity(of:)` from a rule's id and default severity.
    func severity(ofRule id: String, default defaultSeverity: Diagnostic.Severity) -> Diagnostic.Severity? {
        if let configured = severities[id] { return configured }
        return defaultSeverity
    }

    /// Reads the configuration text.
    /// - Parameters:
    ///   - text: the YAML text.
    ///   - file: the path used in diagnostics.
    ///   - knownRules: rule ids that may be configured.
    /// - Throws: `DiagnosticsError` for YAML errors, unknown keys, unknown rules and bad values.
    public static func parse(_ text: String, file: String, knownRules: Set<String>) throws -> LintConfiguration {
        var configuration = LintConfiguration()
        var collector = DiagnosticCollector()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw DiagnosticsError([YAMLSyntaxDiagnostic.diagnostic(for: error, text: text, file: file, area: "config")]
            )
        }
        func location(_ node: Node) -> SourceLocation {
            SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
        }
        func fail(_ id: String, _ node: Node, _ message: String, hint: String) {
            collector.emit(.error(id, message, at: location(node), hint: hint))
        }
        guard let root else { return configuration }
        guard let top = root.mapping else {
            throw DiagnosticsError([
                .error(
                    "config-invalid", "the configuration must be a mapping", at: location(root),
                    hint: "start the file with 'lint:'")
            ])
        }
        for (key, value) in top {
            guard key.string == "lint" else {
                fail(
                    "config-unknown-key", key, "unknown key '\(key.string ?? "")'",
                    hint: "the only top-level key is 'lint'")
                continue
            }
            guard let lint = value.mapping else {
                if value.null == nil {
                    fail("config-invalid", value, "'lint' must be a mapping", hint: "see docs/lint.md")
                }
                continue
            }
            for (key, value) in lint {
                switch key.string ?? "" {
                case "rules":
                    guard let rules = value.mapping else {
                        if value.null == nil {
                            fail(
                                "config-invalid", value, "'lint.rules' must be a mapping of rule ids to severities",
                                hint: "write e.g. 'rules: {missing-test-script: note}'")
                        }
                        continue
                    }
                    for (rule, level) in rules {
                        let id = rule.string ?? ""
                        guard knownRules.contains(id) else {
                            fail(
                                "config-unknown-rule", rule, "unknown rule '\(id)'",
                                hint: "run 'gen-collections rules' for the list")
                            continue
                        }
                        guard level.scalar != nil else {
                            fail(
                                "config-invalid", level, "the severity of rule '\(id)' must be a word",
                                hint: "use error, warning, note or off")
                            continue
                        }
                        switch level.string ?? "" {
                        case "off": configuration.severities[id] = .some(nil)
                        case let name:
                            if let severity = Diagnostic.Severity(rawValue: name) {
                                configuration.severities[id] = severity
                            } else {
                                fail(
                                    "config-invalid", level, "invalid severity '\(name)' for rule '\(id)'",
                                    hint: "use error, warning, note or off")
                            }
                        }
                    }
                case "disabled":
                    guard let disabled = value.sequence else {
                        if value.null == nil {
                            fail(
                                "config-invalid", value, "'lint.disabled' must be a list of rule ids",
                                hint: "write e.g. 'disabled: [empty-folder]'")
                        }
                        continue
                    }
                    for rule in disabled {
                        let id = rule.scalar?.string ?? ""
                        if knownRules.contains(id) {
                            configuration.severities[id] = .some(nil)
                        } else {
                            fail(
                                "config-unknown-rule", rule, "unknown rule '\(id)'",
                                hint: "run 'gen-collections rules' for the list")
                        }
                    }
                case "ignore":
                    guard let patterns = value.sequence else {
                        if value.null == nil {
                            fail(
                                "config-invalid", value, "'lint.ignore' must be a list of glob patterns",
                                hint: "write e.g. 'ignore: [\"vendor/**\"]'")
                        }
                        continue
                    }
                    for pattern in patterns {
                        if let text = pattern.scalar?.string {
                            configuration.ignore.append(text)
                        } else {
                            fail(
                                "config-invalid", pattern, "an 'ignore' entry must be a glob pattern string",
                                hint: "quote the pattern")
                        }
                    }
                case "openBanking":
                    if let mode = value.string.flatMap(OpenBankingMode.init(rawValue:)) {
                        configuration.openBanking = mode
                    } else {
                        fail(
                            "config-invalid", value, "invalid openBanking value '\(value.string ?? "")'",
                            hint: "use auto, always or never")
                    }
                case let name:
                    fail(
                        "config-unknown-key", key, "unknown key 'lint.\(name)'",
                        hint: "known keys are rules, disabled, ignore and openBanking")
                }
            }
        }
        try collector.throwIfErrors()
        return configuration
    }

    /// Whether `path` matches an `ignore` pattern. Both sides are made absolute first, so the patterns work
    /// whether the run names `.`, a relative directory or an absolute path.
    public func isIgnored(_ path: String) -> Bool {
        guard !ignore.isEmpty else { return false }
        let absolute = Self.absolute(path)
        let base = Self.absolute(baseDirectory.flatMap { $0.isEmpty ? nil : $0 } ?? ".")
        let prefix = base.hasSuffix("/") ? base : base + "/"
        guard absolute.hasPrefix(prefix) else { return false }
        let relative = String(absolute.dropFirst(prefix.count))
        return ignore.contains {
            Glob.matches(pattern: $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0, path: relative)
        }
    }

    /// The standardized absolute form of `path`.
    /// Lexical, as `URL.standardizedFileURL` is, without the `stat` a file URL makes (a tenth of linting a tree).
    static func absolute(_ path: String) -> String {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// Minimal glob matching: `**` crosses directories, `*` and `?` do not.
enum Glob {
    static func matches(pattern: String, path: String) -> Bool {
        matches(Array(pattern.utf8)[...], Array(path.utf8)[...])
    }

    private static func matches(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        let star = UInt8(ascii: "*"), slash = UInt8(ascii: "/")
        if first == star {
            let isDouble = pattern.dropFirst().first == star
            var rest = pattern.dropFirst(isDouble ? 2 : 1)
            if isDouble, rest.first == slash, matches(rest.dropFirst(), path) { return true }
            if isDouble { rest = rest.first == slash ? rest : rest }
            var index = path.startIndex
            while true {
                if matches(rest, path[index...]) { return true }
                guard index < path.endIndex, isDouble || path[index] != slash else { return false }
                index += 1
            }
        }
        guard let character = path.first else { return false }
        guard first == UInt8(ascii: "?") ? character != slash : first == character else { return false }
        return matches(pattern.dropFirst(), path.dropFirst())
    }
}
