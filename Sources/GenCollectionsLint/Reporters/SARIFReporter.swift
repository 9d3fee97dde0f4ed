import GenCollectionsBase
import GenCollectionsCore

/// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
public enum SARIFReporter: Reporter {
    public static let identifier = "sarif"

    struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        var tool: Tool
        /// Columns count Unicode scalars (code points), as the linter's positions do.
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }
    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "gen-collections"
        var informationUri = "https://github.com/gen-collections/gen-collections/blob/main/docs/lint.md"
        var version = GenCollections.version
        var rules: [Rule]
    }

    struct Text: Encodable { var text: String }

    struct Rule: Encodable {
        struct Configuration: Encodable { var level: String }
        var id: String, name: String
        var shortDescription: Text, fullDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Result: Encodable {
        var ruleId: String
        var level: String
        var message: Text
        var locations: [Location]
    }

    struct Location: Encodable {
        struct Physical: Encodable { var artifactLocation: Artifact; var region: Region? }
        struct Artifact: Encodable { var uri: String; var uriBaseId: String? }
        struct Region: Encodable { var startLine: Int; var startColumn: Int? }
        var physicalLocation: Physical
    }

    public static func report(_ result: LintResult, options: ReportOptions) -> String {
        let rules = options.rules.map { rule in
            Rule(
                id: rule.id, name: rule.name, shortDescription: Text(text: rule.summary),
                fullDescription: Text(text: rule.explanation),
                defaultConfiguration: .init(level: rule.defaultSeverity))
        }
        let results = result.diagnostics.map { diagnostic in
            var message = diagnostic.message
            if let hint = diagnostic.hint { message += " (\(hint))" }
            let locations =
                diagnostic.location.map { location in
                    [
                        Location(
                            physicalLocation: .init(
                                artifactLocation: artifact(location.file, options: options),
                                region: location.line.map {
                                    Location.Region(startLine: $0, startColumn: location.column)
                                }))
                    ]
                } ?? []
            return Result(
                ruleId: diagnostic.id, level: level(diagnostic.severity), message: Text(text: message),
                locations: locations)
        }
        return JSONReporter.encode(Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)]))
    }

    /// The artifact of `path`: relative to the repository root (`%SRCROOT%`) when it is inside it, which is what
    /// GitHub code scanning expects; an absolute `file://` URI otherwise.
    static func artifact(_ path: String, options: ReportOptions) -> Location.Artifact {
        guard let root = options.repositoryRoot else {
            return Location.Artifact(uri: uri(path), uriBaseId: path.hasPrefix("/") ? nil : "%SRCROOT%")
        }
        let absolute: String
        if path.hasPrefix("/") {
            absolute = path
        } else {
            let base = options.workingDirectory ?? root
            absolute = (base.hasSuffix("/") ? base : base + "/") + path
        }
        let normalised = normalise(absolute)
        let prefix = root.hasSuffix("/") ? root : root + "/"
        if normalised.hasPrefix(prefix) {
            return Location.Artifact(uri: uri(String(normalised.dropFirst(prefix.count))), uriBaseId: "%SRCROOT%")
        }
        return Location.Artifact(uri: "file://" + uri(normalised), uriBaseId: nil)
    }

    /// `.` and `..` segments resolved, without touching the disk.
    static func normalise(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") {
            if segment == "." || segment.isEmpty { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        return "/" + segments.joined(separator: "/")
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    /// A relative URI reference: the path with `./` dropped and unsafe characters percent-encoded.
    static func uri(_ path: String) -> String {
        let trimmed = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        var result = ""
        for byte in trimmed.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~/".contains(character) {
                result.append(character)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }
}
