import Foundation
import Testing

/// Golden text files of the command-line tests: `GEN_COLLECTIONS_RECORD=1 swift test` (or a missing golden)
/// rewrites the file and fails with "recorded new baseline"; review the change with `git diff`.
enum Golden {
    static func assertMatches(_ actual: String, golden: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = try? String(contentsOf: golden, encoding: .utf8)
        let recording = ProcessInfo.processInfo.environment["GEN_COLLECTIONS_RECORD"] != nil
        if expected == actual && !recording { return }
        if recording || expected == nil {
            try? FileManager.default.createDirectory(
                at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: golden)
            Issue.record("recorded new baseline: \(golden.path)", sourceLocation: sourceLocation)
            return
        }
        let message =
            "\(golden.lastPathComponent) differs (GEN_COLLECTIONS_RECORD=1 re-records):\n--- expected\n"
            + (expected ?? "") + "\n--- actual\n" + actual
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
