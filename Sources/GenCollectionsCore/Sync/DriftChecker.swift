import GenCollectionsBase
import Foundation

/// Compares a bundle generated in memory with the files on disk, semantically (see `PostmanNormalization`).
/// The caller reads the files: the checker does no I/O.
public enum DriftChecker {
    /// How a bundle file is compared, from its name.
    enum Kind {
        case collection, environment, json, text

        /// `.postman_collection.json`, `.postman_environment.json`, other `.json`, anything else.
        init(path: String) {
            if path.hasSuffix(".postman_collection.json") {
                self = .collection
            } else if path.hasSuffix(".postman_environment.json") {
                self = .environment
            } else if path.hasSuffix(".json") {
                self = .json
            } else {
                self = .text
            }
        }
    }

    /// - Parameters:
    ///   - generated: the bundle as `Generator.artifacts` returns it.
    ///   - onDisk: the contents of each file found, by artifact path; a path without an entry is missing.
    public static func check(generated: [Artifact], onDisk: [String: Data]) -> Drift {
        var drift = Drift(files: generated.map(\.path))
        for artifact in generated {
            guard let data = onDisk[artifact.path] else {
                drift.findings.append(missing(artifact))
                continue
            }
            drift.findings += compare(artifact, with: data)
        }
        return drift
    }

    /// The finding of a file the folder lacks.
    static func missing(_ artifact: Artifact) -> Drift.Finding {
        .init(file: artifact.path, field: "file", change: .added, detail: "missing")
    }

    /// The findings of one file.
    static func compare(_ artifact: Artifact, with data: Data) -> [Drift.Finding] {
        // The file as the generator writes it, byte for byte (a bundle no one has touched): nothing to parse.
        if data == artifact.contents { return [] }
        let kind = Kind(path: artifact.path)
        if kind == .text { return compareText(artifact, with: data) }
        let disk: (document: JSONDocument, value: JSONValue)
        do {
            disk = try read(data)
        } catch let error as JSONSyntaxError {
            return [unreadable(artifact.path, error)]
        } catch {
            return [.init(file: artifact.path, field: "file", change: .changed, detail: "not valid JSON: \(error)")]
        }
        guard let generated = try? generatedValue(artifact) else {
            return compareText(artifact, with: data)
        }
        return DriftPositions.locate(
            compare(artifact.path, kind, generated: generated, disk: disk.value), in: disk.document)
    }

    /// A file the generator has just written: the value it was written from (kept, or made again), else its bytes
    /// read back (its own output holds no repeated key or lone surrogate, so the policy pass for files on disk is
    /// skipped).
    static func generatedValue(_ artifact: Artifact) throws -> JSONValue {
        if let json = artifact.json ?? artifact.makeJSON?() { return json }
        return try JSONReader.parse(Array(artifact.contents)).value()
    }

    /// A file on disk, read as every command reads JSON, with its positions.
    static func read(_ data: Data) throws -> (document: JSONDocument, value: JSONValue) {
        let document = try JSONDocument.read(Array(data))
        return (document, try document.value())
    }

    /// The finding of a file that is not JSON the tool reads: the reader's words, at its position.
    static func unreadable(_ path: String, _ error: JSONSyntaxError) -> Drift.Finding {
        .init(
            file: path, field: "file", change: .changed, detail: "not valid JSON: \(error.message)",
            position: error.position)
    }

    /// The findings of one JSON file, already parsed.
    static func compare(_ path: String, _ kind: Kind, generated: JSONValue, disk: JSONValue) -> [Drift.Finding] {
        switch kind {
        case .collection:
            return CollectionComparison(file: path, generated: generated, disk: disk).findings()
        case .environment:
            return EnvironmentComparison.findings(file: path, generated: generated, disk: disk)
        case .json, .text:
            guard let difference = firstDifference(generated, disk, path: "$") else { return [] }
            return [.init(file: path, field: "content", change: .changed, detail: "first difference at \(difference)")]
        }
    }

    /// Text files are compared line by line (a final newline and CRLF line ends do not count).
    static func compareText(_ artifact: Artifact, with data: Data) -> [Drift.Finding] {
        func lines(_ data: Data) -> [Substring] {
            var text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            if text.hasSuffix("\n") { text.removeLast() }
            return text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        let (spec, disk) = (lines(artifact.contents), lines(data))
        guard spec != disk else { return [] }
        let line =
            zip(spec, disk).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(spec.count, disk.count)
        let detail =
            "first difference at line \(line + 1) (\(disk.count) lines in the file, \(spec.count) from the spec)"
        return [.init(file: artifact.path, field: "content", change: .changed, detail: detail)]
    }

    /// The JSONPath-like location of the first semantic difference, or nil when equal.
    static func firstDifference(_ a: JSONValue, _ b: JSONValue, path: String) -> String? {
        if PostmanNormalization.equal(a, b) { return nil }
        switch (PostmanNormalization.canonical(a), PostmanNormalization.canonical(b)) {
        case (.object(let x), .object(let y)):
            for key in Set(x.map(\.key)).union(y.map(\.key)).sorted() {
                let (left, right) = (
                    x.first { $0.key == key }?.value ?? .null, y.first { $0.key == key }?.value ?? .null
                )
                if let found = firstDifference(left, right, path: "\(path).\(key)") { return found }
            }
        case (.array(let x), .array(let y)) where x.count == y.count:
            for (index, pair) in zip(x, y).enumerated() {
                if let found = firstDifference(pair.0, pair.1, path: "\(path)[\(index)]") { return found }
            }
        default:
            break
        }
        return path
    }
}
