import Foundation
import Testing

@testable import GenCollectionsBase

/// Atomic writes: the whole file or the old one, and an error that names the file the user asked for.
@Suite struct AtomicFileTests {
    @Test func writesTheWholeFileWithItsMode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("a/b.txt").path
        try AtomicFile.write(Data("one\n".utf8), to: path, mode: 0o640)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a").path) == ["b.txt"])
    }

    /// /proc takes no new files: the error is about the target, not the temporary file beside it.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self"), "needs /proc"))
    func aFailureNamesTheTargetNotTheTemporaryFile() {
        #expect {
            try AtomicFile.write(Data("x".utf8), to: "/proc/spec.yaml", mode: 0o644)
        } throws: { error in
            (error as? AtomicFile.WriteError)?.path == "/proc/spec.yaml"
        }
    }
}
