import Foundation
import GenCollectionsBase

/// Known findings a team accepts for now, so that only new ones fail (`lint --write-baseline FILE`, then
/// `lint --baseline FILE`).
///
/// The file is JSON: `{"version": 1, "findings": [{"fingerprint", "rule", "file", "message"}]}`, sorted, one
/// entry per finding. A fingerprint hashes the rule id, the file (relative to the baseline's directory), a stable
/// locator of the JSON node (its path from the root with array elements named by `name`, `key` or `listen`), and
/// the message, so it survives line moves, reformatting and requests inserted above; changing the finding's
/// node or message makes it new. `rule`, `file` and `message` are there for reviewers.
public struct Baseline: Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        public var fingerprint: String
        public var rule: String
        public var file: String
        public var message: String
    }

    struct File: Codable {
        var version = 1
        var findings: [Entry]
    }

    public var entries: [Entry]
    /// The directory file paths are relative to.
    public var directory: String

    public init(entries: [Entry], directory: String) {
        self.entries = entries
        self.directory = directory
    }

    /// Reads a baseline file.
    /// - Throws: `DiagnosticsError` (`lint-baseline`) when it is missing or malformed.
    public static func read(_ path: String) throws -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticsError([
                .error(
                    "lint-baseline", "cannot read baseline '\(path)'", at: SourceLocation(file: path),
                    hint: "write one with --write-baseline \(path)")
            ])
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            return Baseline(entries: file.findings, directory: Self.directory(of: path))
        } catch {
            throw DiagnosticsError([
                .error(
                    "lint-baseline", "baseline '\(path)' is not a gen-collections baseline file",
                    at: SourceLocation(file: path, line: 1, column: 1),
                    hint: "rewrite it with --write-baseline \(path)")
            ])
        }
    }

    /// The baseline file's text: sorted entries, pretty-printed, final newline.
    public func text() -> String {
        let sorted = entries.sorted {
            ($0.file, $0.rule, $0.message, $0.fingerprint) < ($1.file, $1.rule, $1.message, $1.fingerprint)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(File(findings: sorted))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Writes the file atomically (a temporary file renamed into place).
    public func write(to path: String) throws {
        try Data(text().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// The entry a diagnostic with locator hash `locator` gets.
    func entry(for diagnostic: Diagnostic, locator: UInt64) -> Entry {
        let file = relative(diagnostic.location?.file ?? "")
        var hash = Locator.fold(Locator.basis, Array(diagnostic.id.utf8) + [0] + Array(file.utf8) + [0])
        withUnsafeBytes(of: locator.littleEndian) { hash = Locator.fold(hash, $0) }
        hash = Locator.fold(hash, [0] + Array(diagnostic.message.utf8))
        let hex = String(hash, radix: 16)
        return Entry(
            fingerprint: String(repeating: "0", count: 16 - hex.count) + hex, rule: diagnostic.id, file: file,
            message: diagnostic.message)
    }

    /// `path` relative to the baseline's directory (paths outside it stay absolute).
    func relative(_ path: String) -> String {
        let absolute = LintConfiguration.absolute(path)
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    static func directory(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    }

    /// Splits diagnostics into new ones and those the baseline knows (each entry absorbs one finding).
    func filter(_ diagnostics: [Diagnostic], locators: [UInt64], remaining: inout [String: Int]) -> [Diagnostic] {
        var kept: [Diagnostic] = []
        for (diagnostic, locator) in zip(diagnostics, locators) {
            let fingerprint = entry(for: diagnostic, locator: locator).fingerprint
            if let count = remaining[fingerprint], count > 0 {
                remaining[fingerprint] = count - 1
            } else {
                kept.append(diagnostic)
            }
        }
        return kept
    }

    /// How many findings each fingerprint may absorb.
    var counts: [String: Int] {
        entries.reduce(into: [:]) { $0[$1.fingerprint, default: 0] += 1 }
    }
}
