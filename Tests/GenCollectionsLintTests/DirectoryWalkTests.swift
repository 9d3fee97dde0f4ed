import Foundation
import Testing
@testable import GenCollectionsLint

/// The lint walk: every file below the root, hidden entries and node_modules left out, links listed, not followed.
struct DirectoryWalkTests {
    @Test func listsFilesBelowTheRootAndSkipsHiddenEntriesAndNodeModules() throws {
        let root = try LintRunnerTests.directory([
            "a.json": "", "team/b.json": "", "team/deep/er/c.json": "", ".hidden.json": "", ".git/d.json": "",
            "node_modules/pkg/e.json": "", "team/node_modules": "", "team/.cache/f.json": "",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let files = try #require(DirectoryWalk.files(under: root.path))
        #expect(files.sorted() == ["a.json", "team/b.json", "team/deep/er/c.json"])
    }

    @Test func linksAreListedNotFollowedSoALoopEnds() throws {
        let root = try LintRunnerTests.directory(["real/a.json": ""])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.path + "/real/loop", withDestinationPath: root.path)
        try FileManager.default.createSymbolicLink(
            atPath: root.path + "/b.json", withDestinationPath: root.path + "/real/a.json")
        let files = try #require(DirectoryWalk.files(under: root.path))
        #expect(files.sorted() == ["b.json", "real/a.json", "real/loop"])
    }

    @Test func aMissingRootCannotBeListed() {
        #expect(DirectoryWalk.files(under: "/nonexistent-\(UUID().uuidString)") == nil)
    }
}
