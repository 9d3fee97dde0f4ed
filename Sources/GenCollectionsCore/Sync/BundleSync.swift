import GenCollectionsBase
import Foundation

/// `sync`: the files to write so that a bundle on disk matches the spec, keeping the user's additions
/// (see `CollectionMerger` and `EnvironmentMerger`). Files other than the collection and the environment are
/// the generator's alone and are replaced. Does no I/O: the caller reads the files and writes the result.
public enum BundleSync {
    /// A file on disk that cannot be merged (not JSON): nothing is written.
    public struct UnreadableFile: Error, CustomStringConvertible, Sendable {
        /// The file, relative to the output folder.
        public var path: String
        /// 1-based position of the syntax error.
        public var line: Int
        /// 1-based position of the syntax error.
        public var column: Int
        /// What is wrong, from the JSON reader.
        public var reason: String
        /// `path:line:column: error: cannot merge: reason [sync-invalid-json]`.
        public var description: String {
            "\(path):\(line):\(column): error: cannot merge: \(reason) [sync-invalid-json]"
        }
    }

    /// What `sync` would write, and its report.
    public struct Outcome: Sendable {
        /// Files whose bytes change, with their new contents, in bundle order.
        public var changed: [Artifact]
        /// The drift found before syncing (what sync applies and keeps) and the conflicts of the merge.
        public var report: Drift
    }

    /// Merges each file found with the generated one; missing files are written as generated.
    /// A file that differs from the generated one is parsed once, for both the drift report and the merge.
    /// - Throws: `UnreadableFile` when a collection or environment file on disk is not JSON.
    public static func sync(generated: [Artifact], onDisk: [String: Data]) throws -> Outcome {
        var report = Drift(files: generated.map(\.path))
        var conflicts: [Drift.Finding] = []
        var changed: [Artifact] = []
        for artifact in generated {
            guard let data = onDisk[artifact.path] else {
                report.findings.append(DriftChecker.missing(artifact))
                changed.append(artifact)
                continue
            }
            // Byte for byte as generated: no drift, nothing to merge or write, nothing to parse.
            if data == artifact.contents { continue }
            let kind = DriftChecker.Kind(path: artifact.path)
            guard kind == .collection || kind == .environment else {
                report.findings += DriftChecker.compare(artifact, with: data)
                if artifact.contents != data { changed.append(artifact) }
                continue
            }
            let document: JSONDocument
            let disk: JSONValue
            do {
                (document, disk) = try DriftChecker.read(data)
            } catch let error as JSONSyntaxError {
                throw UnreadableFile(
                    path: artifact.path, line: error.position.line, column: error.position.column,
                    reason: error.message)
            }
            let spec = try DriftChecker.generatedValue(artifact)
            report.findings += DriftPositions.locate(
                DriftChecker.compare(artifact.path, kind, generated: spec, disk: disk), in: document)
            var merged = artifact
            if kind == .collection {
                var merger = CollectionMerger(file: artifact.path, generated: spec, disk: disk)
                merged.contents = Self.written(merger.merge(), like: data, disk: disk)
                conflicts += merger.conflicts
            } else {
                var merger = EnvironmentMerger(file: artifact.path)
                let environment = merger.merge(generated: spec, disk: disk)
                merged.contents = Self.written(environment, like: data, disk: disk)
                merged.isPrivate = Postman.Environment(json: environment["environment"] ?? environment).holdsSecretValue
                conflicts += merger.conflicts
            }
            if merged.contents != data { changed.append(merged) }
        }
        // The drift of every file first, then the merge's conflicts, as a report lists them.
        report.findings += conflicts
        return Outcome(changed: changed, report: report)
    }

    /// A merged file in the layout of the file it replaces: the generator's, or the Postman app's (its key order,
    /// tabs, a final newline only if the file had one), so a collection kept as the app exports it stays so.
    static func written(_ merged: JSONValue, like file: Data, disk: JSONValue) -> Data {
        guard JSONLayout.of(file) == .postman else { return merged.data(.canonical) }
        return KeyOrder(of: disk).apply(to: merged).data(.postman, finalNewline: file.last == 0x0A)
    }
}
