import Foundation
import GenCollectionsTestSupport
import Testing

/// Golden-file comparison. `GEN_COLLECTIONS_RECORD=1 swift test` (or a missing golden) rewrites the file and fails
/// with "recorded new baseline", so record mode never passes; review the change with `git diff`.
enum Golden {
    static let isRecording = ProcessInfo.processInfo.environment["GEN_COLLECTIONS_RECORD"] != nil

    static let fixtures = PackagePaths.root.appendingPathComponent("Tests/GenCollectionsCoreTests/Fixtures")

    static func assertMatches(_ actual: Data, golden: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = try? Data(contentsOf: golden)
        if expected == actual && !isRecording { return }
        if isRecording || expected == nil {
            try? FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: golden)
            Issue.record("recorded new baseline: \(golden.path)", sourceLocation: sourceLocation)
            return
        }
        let diff = unifiedDiff(expected: golden, actual: actual)
        Issue.record(
            "\(golden.path) differs from the generated output (GEN_COLLECTIONS_RECORD=1 re-records):\n\(diff)",
            sourceLocation: sourceLocation)
    }

    static func assertMatches(_ actual: String, golden: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        assertMatches(Data(actual.utf8), golden: golden, sourceLocation: sourceLocation)
    }

    /// `diff -u` of the golden file and the actual bytes, cut to a readable length.
    static func unifiedDiff(expected: URL, actual: Data) -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        guard (try? actual.write(to: scratch)) != nil else { return "(cannot write a scratch file for the diff)" }
        let result = Shell.run("/usr/bin/env", ["diff", "-u", expected.path, scratch.path])
        return String(result.output.prefix(6000))
    }
}
