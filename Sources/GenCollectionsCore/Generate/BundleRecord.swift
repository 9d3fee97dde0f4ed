import Foundation
import GenCollectionsBase

/// Which spec (or bundled bank) and helper file made a bundle: `gen-collections.bundle.json` in the output folder,
/// so the commands later run on that folder (`certs --dir`, `check --out`, `sync --out`) use them unasked. Paths
/// are relative to the output folder, so a bundle committed with its spec reads the same on every machine.
public struct BundleRecord: Sendable, Hashable {
    /// The record's file name, in the output folder.
    public static let file = "gen-collections.bundle.json"

    /// Where the spec came from.
    public enum Source: Sendable, Hashable {
        /// A bundled bank, by name (`--bank`, or the default bank).
        case bank(String)
        /// A spec file, relative to the output folder.
        case spec(String)
    }

    public var source: Source
    /// The helper file given with `--env`, relative to the output folder.
    public var helperFile: String?

    public init(source: Source, helperFile: String? = nil) {
        self.source = source
        self.helperFile = helperFile
    }

    /// The record for files named on the command line, their paths made relative to `folder`.
    public init(bank: String?, spec: String?, helperFile: String?, folder: String) {
        self.source = spec.map { .spec(Self.relativePath(of: $0, from: folder)) } ?? .bank(bank ?? "")
        self.helperFile = helperFile.map { Self.relativePath(of: $0, from: folder) }
    }

    /// Reads a record file.
    /// - Throws: `DiagnosticsError` naming the file when it is not a record.
    public init(data: Data, file: String) throws {
        let hint = "delete it, or run 'gen-collections generate' again to write it"
        let root: JSONValue
        do {
            root = try JSONValue(json: data)
        } catch let error as JSONSyntaxError {
            throw DiagnosticsError([
                .error(
                    "bundle-record-invalid", "the bundle record is not valid JSON: \(error.message)",
                    at: SourceLocation(file: file, line: error.position.line, column: error.position.column), hint: hint
                )
            ])
        }
        if let spec = root["spec"]?.text {
            source = .spec(spec)
        } else if let bank = root["bank"]?.text {
            source = .bank(bank)
        } else {
            throw DiagnosticsError([
                .error(
                    "bundle-record-invalid", "the bundle record names neither a 'spec' nor a 'bank'",
                    at: SourceLocation(file: file), hint: hint)
            ])
        }
        helperFile = root["env"]?.text
    }

    /// The record as a file of the bundle.
    public var artifact: Artifact {
        var members: [(String, JSONValue)] = []
        switch source {
        case let .bank(name): members.append(("bank", .string(name)))
        case let .spec(path): members.append(("spec", .string(path)))
        }
        if let helperFile { members.append(("env", .string(helperFile))) }
        return Artifact(path: Self.file, text: JSONValue.object(members).rendered() + "\n")
    }

    /// A path relative to the record's folder, resolved (`folder/../specs/x.yaml`).
    public static func resolve(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
    }

    /// `path` relative to `folder` (`../specs/x.yaml`), both taken from the current directory.
    public static func relativePath(of path: String, from folder: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
        let common = zip(target, base).prefix { $0 == $1 }.count
        return (Array(repeating: "..", count: base.count - common) + target[common...]).joined(separator: "/")
    }
}
