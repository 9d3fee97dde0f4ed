import Foundation
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The bundle is written all or nothing: staged beside the output folder, committed by one rename, moved into
/// place; what a killed run leaves is finished or removed by the next.
@Suite struct ArtifactWriterTests {
    /// A parent folder with `out` inside it (not created).
    static func scratch() throws -> (parent: URL, out: URL) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return (parent, parent.appendingPathComponent("out"))
    }

    static let bundle = [
        Artifact(path: "bank.postman_collection.json", text: "{\"new\": 1}\n"),
        Artifact(path: "bank.postman_environment.json", text: "{\"secret\": \"s\"}\n"),
        Artifact(path: "run-newman.sh", text: "#!/bin/sh\n", executable: true),
        Artifact(path: "notes/CERTIFICATES.md", text: "# notes\n"),
    ]

    static func entries(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    static func mode(_ url: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions]) as? Int) ?? -1
    }

    @Test func writesEveryFileAndLeavesNothingElse() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let written = try ArtifactWriter.write(Self.bundle, to: out)
        #expect(written.map(\.lastPathComponent) == Self.bundle.map { ($0.path as NSString).lastPathComponent })
        for artifact in Self.bundle {
            #expect(try Data(contentsOf: out.appendingPathComponent(artifact.path)) == artifact.contents)
        }
        #expect(Self.mode(out.appendingPathComponent("run-newman.sh")) == 0o755)
        #expect(Self.mode(out.appendingPathComponent("bank.postman_environment.json")) == 0o644)
        #expect(Self.entries(parent) == ["out"], "no staging or commit folder beside the output")
        #expect(
            Self.entries(out) == [
                "bank.postman_collection.json", "bank.postman_environment.json", "notes", "run-newman.sh",
            ])
    }

    @Test func keepsTheModeAUserGaveAFile() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        try ArtifactWriter.write(Self.bundle, to: out)
        let environment = out.appendingPathComponent("bank.postman_environment.json")
        chmod(environment.path, 0o600)
        try ArtifactWriter.write(Self.bundle, to: out)
        #expect(Self.mode(environment) == 0o600)
    }

    @Test func aFailureBeforeTheCommitChangesNothing() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        try ArtifactWriter.write(Array(Self.bundle.prefix(3)), to: out)
        // A folder where the notes file goes: found before anything is written.
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("notes/CERTIFICATES.md"), withIntermediateDirectories: true)
        var changed = Self.bundle
        changed[0].contents = Data("{\"newer\": 2}\n".utf8)
        let error = try #require(throws: ArtifactWriter.WriteError.self) { try ArtifactWriter.write(changed, to: out) }
        #expect(error.unchanged)
        #expect(error.diagnostic.message == "cannot write: it is a folder (EISDIR); nothing was changed")
        #expect(error.diagnostic.hint == "remove or rename the folder that has the file's name")
        #expect(try Data(contentsOf: out.appendingPathComponent(Self.bundle[0].path)) == Self.bundle[0].contents)
        #expect(Self.entries(parent) == ["out"])
    }

    @Test func aStreamedFileIsWrittenAsItsStreamMakesIt() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let streamed = Artifact(path: "bank.postman_collection.json", isPrivate: true) { descriptor in
            let text = Array("{\"streamed\": true}\n".utf8)
            return text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) == $0.count ? nil : .current }
        }
        try ArtifactWriter.write([streamed] + Self.bundle.dropFirst(), to: out)
        let file = out.appendingPathComponent(streamed.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == "{\"streamed\": true}\n")
        #expect(Self.mode(file) == 0o600)
    }

    @Test func aStreamThatFailsChangesNothing() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        try ArtifactWriter.write(Self.bundle, to: out)
        // The disk fills half-way through the collection.
        let failing = Artifact(path: Self.bundle[0].path) { descriptor in
            _ = write(descriptor, "{\"half", 6)
            return SystemError(ENOSPC)
        }
        let error = try #require(throws: ArtifactWriter.WriteError.self) {
            try ArtifactWriter.write([failing] + Self.bundle.dropFirst(), to: out)
        }
        #expect(error.unchanged)
        #expect(error.path == out.appendingPathComponent(Self.bundle[0].path).relativePath)
        #expect(error.reason.contains("ENOSPC"))
        #expect(try Data(contentsOf: out.appendingPathComponent(Self.bundle[0].path)) == Self.bundle[0].contents)
        #expect(Self.entries(parent) == ["out"])
    }

    @Test func theNextRunFinishesACommittedWrite() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        try ArtifactWriter.write(Self.bundle, to: out)
        // What a run killed after its commit point leaves: some files moved, the rest in the commit folder.
        let commit = parent.appendingPathComponent(".out.gen-collections.commit")
        try FileManager.default.createDirectory(
            at: commit.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("{\"killed\": 1}\n".utf8).write(to: commit.appendingPathComponent("bank.postman_collection.json"))
        try Data("# killed\n".utf8).write(to: commit.appendingPathComponent("notes/CERTIFICATES.md"))
        ArtifactWriter.finishInterruptedWrite(in: out)
        #expect(Self.entries(parent) == ["out"])
        #expect(
            try String(contentsOf: out.appendingPathComponent("bank.postman_collection.json"), encoding: .utf8)
                == "{\"killed\": 1}\n")
        #expect(
            try String(contentsOf: out.appendingPathComponent("notes/CERTIFICATES.md"), encoding: .utf8) == "# killed\n"
        )
    }

    @Test func leftoversOfKilledRunsAreRemovedAndThoseOfLiveOnesKept() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        try ArtifactWriter.write(Self.bundle, to: out)
        let gone: Int32 = 4_194_303  // above any pid in use here
        let alive = getppid()
        let manager = FileManager.default
        for folder in ["\(gone)", "\(alive)"] {
            try manager.createDirectory(
                at: parent.appendingPathComponent(".out.gen-collections-\(folder).staging"),
                withIntermediateDirectories: true)
        }
        for name in [
            ".bank.postman_environment.json.\(gone).tmp",  // an earlier version's temporary file
            ".bank.postman_environment.json.gen-collections-\(gone)-1a2b.tmp",
            ".bank.postman_environment.json.gen-collections-\(alive)-1a2b.tmp",
            ".notes.\(gone).tmp",  // not a file of the bundle: the user's
        ] {
            try Data("secret".utf8).write(to: out.appendingPathComponent(name))
        }
        ArtifactWriter.finishInterruptedWrite(in: out)
        #expect(Self.entries(parent) == [".out.gen-collections-\(alive).staging", "out"])
        #expect(
            Self.entries(out).filter { $0.hasPrefix(".") } == [
                ".bank.postman_environment.json.\(gone).tmp",
                ".bank.postman_environment.json.gen-collections-\(alive)-1a2b.tmp", ".notes.\(gone).tmp",
            ], "an earlier version's files are known by the bundle's names, which the next write gives")
        try ArtifactWriter.write(Self.bundle, to: out)
        #expect(
            Self.entries(out).filter { $0.hasPrefix(".") } == [
                ".bank.postman_environment.json.gen-collections-\(alive)-1a2b.tmp", ".notes.\(gone).tmp",
            ])
    }

    @Test func singleFilesAreCreatedPrivateThenGivenTheirMode() throws {
        let (parent, out) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let file = out.appendingPathComponent("spec.yaml")
        try ArtifactWriter.write(Data("a: 1\n".utf8), to: file)
        #expect(Self.mode(file) == 0o644)
        try AtomicFile.write(Data("token".utf8), to: out.appendingPathComponent("jwt").path, mode: 0o600)
        #expect(Self.mode(out.appendingPathComponent("jwt")) == 0o600)
        #expect(Self.entries(out) == ["jwt", "spec.yaml"])
    }
}
