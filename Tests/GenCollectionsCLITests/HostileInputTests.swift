import Foundation
import GenCollectionsTestSupport
import Testing

/// Every file under `Fixtures/hostile/` goes through `generate`, `check`, `sync` and `lint`, each run bounded in
/// time and memory, and the exact exit codes and messages are pinned in `<file>.expected`
/// (`GEN_COLLECTIONS_RECORD=1` re-records them, then the test fails).
///
/// The role of a file comes from its name: `*.yaml` is a spec (`--spec`), `*.env.json` a helper-API environment
/// file (`--env`, with the embedded spec), and `*.postman_collection.json` a collection found in the output folder
/// (`check` and `sync` compare it with the embedded spec's).
@Suite(.serialized) struct HostileInputTests {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/GenCollectionsCLITests/Fixtures/hostile")
    static let cases =
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { !$0.hasSuffix(".expected") && !$0.hasPrefix(".") }.sorted()

    /// Seconds and bytes of address space one command may take before it is killed (and the test fails).
    static let timeLimit = 30
    static let memoryLimitKiB = 4 << 20

    /// The commands a file goes through, in the folder where it was copied.
    static func commands(for file: String) -> [[String]] {
        if file.hasSuffix(".yaml") {
            return [
                ["generate", "--spec", file, "--out", "out"], ["check", "--spec", file, "--out", "out"],
                ["sync", "--spec", file, "--out", "out"], ["lint", file],
            ]
        }
        if file.hasSuffix(".env.json") {
            return [
                ["generate", "--env", file, "--out", "out"], ["check", "--env", file, "--out", "out"],
                ["sync", "--env", file, "--out", "out"], ["lint", file],
            ]
        }
        return [
            ["generate", "--out", "out"], ["check", "--out", "out"], ["sync", "--out", "out"],
            ["lint", "out/monese-sandbox.postman_collection.json"],
        ]
    }

    /// Runs the binary under `ulimit -v` and `timeout -s KILL`.
    static func bounded(_ arguments: [String], in directory: URL) -> Shell.Result {
        Shell.run(
            "/bin/bash",
            [
                "-c", "ulimit -v \(memoryLimitKiB) && exec timeout -s KILL \(timeLimit) \"$@\"", "bounded",
                PackagePaths.binary.path,
            ] + arguments, directory: directory)
    }

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 10, "\(Self.folder.path)")
    }

    @Test(arguments: cases)
    func hostileFile(_ name: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let source = Self.folder.appendingPathComponent(name)
        var transcript = ""
        for arguments in Self.commands(for: name) {
            if arguments[0] == "check", name.hasSuffix(".postman_collection.json") {
                // The hostile collection replaces the generated one before check, sync and lint read it.
                let target = scratch.appendingPathComponent("out/monese-sandbox.postman_collection.json")
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: source, to: target)
            } else if arguments[0] == "generate", !name.hasSuffix(".postman_collection.json") {
                try FileManager.default.copyItem(at: source, to: scratch.appendingPathComponent(name))
            }
            let run = Self.bounded(arguments, in: scratch)
            #expect(run.status != 137, "\(arguments.joined(separator: " ")) passed the time or memory bound")
            #expect(run.status >= 0 && run.status < 128, "\(arguments.joined(separator: " ")) crashed: \(run.status)")
            transcript += "$ gen-collections \(arguments.joined(separator: " "))\nexit \(run.status)\n"
            if !run.error.isEmpty { transcript += "stderr:\n\(run.error)" }
            if !run.output.isEmpty { transcript += "stdout:\n\(run.output)" }
            transcript += "\n"
        }
        // No temporary file or staging folder is ever left behind.
        let leftovers = (FileManager.default.enumerator(atPath: scratch.path)?.allObjects as? [String] ?? [])
            .filter { $0.contains(".gen-collections") || $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        Golden.assertMatches(transcript, golden: Self.folder.appendingPathComponent("\(name).expected"))
    }
}
