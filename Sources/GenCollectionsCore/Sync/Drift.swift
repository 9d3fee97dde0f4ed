import Foundation
import GenCollectionsBase

/// What `check` found (or what `sync` did), per file, folder, request and field.
///
/// Directions are those of regeneration: `added` means the spec has it and the file does not, `removed` means the
/// file has it and the spec does not, `changed` means both have it with different content. `kept` marks what a
/// user added in Postman (their script lines, examples, descriptions, requests, environment values): sync keeps
/// it and it is not drift. `conflict` is a `sync` finding: something of the file's was replaced or could not be
/// kept, and the detail says what.
public struct Drift: Sendable, Hashable {
    /// The kind of a finding (see the type's documentation).
    public enum Change: String, Sendable, Hashable, CaseIterable {
        case added, removed, changed, kept, conflict
    }

    /// One difference, user addition or conflict.
    public struct Finding: Sendable, Hashable {
        /// The file, relative to the output folder.
        public var file: String
        /// Folder and request names from the collection root; empty for the file itself.
        public var location: [String]
        /// What differs: `file`, `folder`, `request`, `name`, `method`, `url`, `header Accept`, `test script`, …
        public var field: String
        /// Added, removed, changed, kept or conflict.
        public var change: Change
        /// A short explanation; never a secret value.
        public var detail: String?
        /// The RFC 6901 pointer, in the file on disk, of the item (or the file's root) the finding is about; nil when
        /// the file lacks it (an added request).
        public var pointer: String?
        /// Where in the file on disk: the member `field` names when the file has it, else the item at `pointer`.
        public var position: JSONDocument.Position?

        /// A finding; `location` empty for the file itself.
        public init(
            file: String, location: [String] = [], field: String, change: Change, detail: String? = nil,
            pointer: String? = nil, position: JSONDocument.Position? = nil
        ) {
            self.file = file
            self.location = location
            self.field = field
            self.change = change
            self.detail = detail
            self.pointer = pointer
            self.position = position
        }

        /// Whether this finding means the file does not match the spec.
        public var isDrift: Bool { change == .added || change == .removed || change == .changed }
    }

    /// Every file compared, in bundle order (missing files included).
    public var files: [String]
    /// Every finding, grouped by file in bundle order.
    public var findings: [Finding]

    /// A report over `files`.
    public init(files: [String] = [], findings: [Finding] = []) {
        self.files = files
        self.findings = findings
    }

    /// Whether any finding is drift (`kept` and `conflict` are not).
    public var hasDrift: Bool { findings.contains(where: \.isDrift) }

    /// Findings of one file, in the order they were found.
    public func findings(in file: String) -> [Finding] { findings.filter { $0.file == file } }
}

extension Drift {
    /// One line per finding under a header per file, then a summary line.
    public func text(verb: String = "check") -> String {
        var out = ""
        for file in files {
            let found = findings(in: file)
            let drift = found.filter(\.isDrift).count
            out += "\(file): " + (drift == 0 ? "in sync" : "\(drift) difference\(drift == 1 ? "" : "s")") + "\n"
            for finding in found {
                let place = finding.location.isEmpty ? "" : finding.location.joined(separator: " / ") + ": "
                out += "  \(place)\(finding.change.rawValue) \(finding.field)"
                if let detail = finding.detail { out += ": \(detail)" }
                if let position = finding.position { out += " (\(position))" }
                out += "\n"
            }
        }
        let drifting = Set(findings.filter(\.isDrift).map(\.file)).count
        let driftCount = findings.filter(\.isDrift).count
        let kept = findings.filter { $0.change == .kept }.count
        let conflicts = findings.filter { $0.change == .conflict }.count
        out += "\(verb): \(files.count) file\(files.count == 1 ? "" : "s") compared, "
        out +=
            driftCount == 0
            ? "no drift"
            : "\(driftCount) difference\(driftCount == 1 ? "" : "s") in \(drifting) file\(drifting == 1 ? "" : "s")"
        if kept > 0 { out += ", \(kept) user addition\(kept == 1 ? "" : "s") kept" }
        if conflicts > 0 { out += ", \(conflicts) conflict\(conflicts == 1 ? "" : "s")" }
        return out + "\n"
    }

    /// `{"drift": Bool, "files": [{"path", "status", "findings": [...]}], "summary": {...}}`, two-space indented,
    /// keys in a fixed order.
    public func json() -> String {
        let fileValues: [JSONValue] = files.map { file in
            let found = findings(in: file)
            let status =
                found.contains { $0.field == "file" && $0.change == .added }
                ? "missing"
                : found.contains(where: \.isDrift) ? "drift" : "in-sync"
            return .object([
                ("path", .string(file)),
                ("status", .string(status)),
                (
                    "findings",
                    .array(
                        found.map { finding in
                            var pairs: [(key: String, value: JSONValue)] = [
                                ("location", .array(finding.location.map(JSONValue.string))),
                                ("field", .string(finding.field)),
                                ("change", .string(finding.change.rawValue)),
                                ("drift", .bool(finding.isDrift)),
                            ]
                            if let detail = finding.detail { pairs.append(("detail", .string(detail))) }
                            if let position = finding.position {
                                pairs.append(("line", .number(String(position.line))))
                                pairs.append(("column", .number(String(position.column))))
                            }
                            return .object(pairs)
                        })
                ),
            ])
        }
        let counts = Drift.Change.allCases.map { change in
            (key: change.rawValue, value: JSONValue.number(String(findings.filter { $0.change == change }.count)))
        }
        return JSONValue.object([
            ("drift", .bool(hasDrift)),
            ("files", .array(fileValues)),
            ("summary", .object(counts)),
        ]).rendered() + "\n"
    }
}

extension Drift {
    /// The findings as diagnostics, for `--format sarif|junit|github|json` reports: drift is an error
    /// (`drift-added`, `drift-removed`, `drift-changed`), a kept user edit a note, a sync conflict a warning; each at
    /// its file in `folder`.
    public func diagnostics(in folder: String) -> [Diagnostic] {
        findings.map { finding in
            let place = finding.location.isEmpty ? "" : finding.location.joined(separator: " / ") + ": "
            let message =
                "\(place)\(finding.change.rawValue) \(finding.field)" + (finding.detail.map { ": \($0)" } ?? "")
            let severity: Diagnostic.Severity =
                finding.isDrift ? .error : finding.change == .conflict ? .warning : .note
            let file = folder == "." ? finding.file : (folder as NSString).appendingPathComponent(finding.file)
            return Diagnostic(
                severity, id: "drift-\(finding.change.rawValue)", message,
                at: SourceLocation(file: file, line: finding.position?.line, column: finding.position?.column),
                hint: finding.isDrift ? "run 'gen-collections sync' to update the file from the spec" : nil)
        }
    }
}
