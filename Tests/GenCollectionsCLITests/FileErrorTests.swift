import Foundation
import GenCollectionsTestSupport
import Testing

/// What a user sees when a file cannot be read or written: the system's reason (errno), the file, and a folder left
/// as it was. A full disk and a read-only file system are real: a small tmpfs in a private mount namespace
/// (`unshare -m`), so nothing stays mounted; those tests are skipped where mounting is not allowed.
@Suite(.serialized) struct FileErrorTests {
    static let binary = PackagePaths.binary.path

    /// Whether this process may mount a tmpfs in a mount namespace of its own (root with CAP_SYS_ADMIN).
    static let canMount: Bool = {
        guard Shell.has("unshare") else { return false }
        return Shell.run("/usr/bin/env", ["unshare", "-m", "sh", "-c", "mount -t tmpfs tmpfs /mnt"]).status == 0
    }()

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("file-errors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `script` with bash in a private mount namespace where `$1` is a fresh tmpfs of `size`, `$2` the binary.
    static func onTmpfs(size: String, _ script: String, in folder: URL) -> Shell.Result {
        Shell.run(
            "/usr/bin/env",
            [
                "unshare", "-m", "bash", "-c",
                "mount -t tmpfs -o size=\(size) tmpfs \"$1\" && cd \"$1\" && \(script)", "tmpfs",
                folder.appendingPathComponent("mnt").path, binary, folder.path,
            ])
    }

    @Test(.enabled(if: canMount, "needs root to mount a tmpfs in a private mount namespace"))
    func aFullDiskLeavesTheOldBundleAndSaysENOSPC() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("mnt"), withIntermediateDirectories: true)
        try Data(KillTests.spec(version: 1, steps: 150).utf8).write(to: folder.appendingPathComponent("big.yaml"))
        // The default bundle fits in 256 KiB; the big one (several hundred kilobytes) does not.
        let run = Self.onTmpfs(
            size: "256k",
            """
            "$2" generate --out out >/dev/null || exit 99
            sha256sum out/* > ../before.txt
            "$2" generate --spec "$3/big.yaml" --out out 2> ../stderr.txt; echo "exit $?" > ../status.txt
            sha256sum out/* > ../after.txt; ls -A . out > ../listing.txt
            """, in: folder)
        #expect(run.status == 0, "\(run.error)")
        let read = { (name: String) in
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
        #expect(read("status.txt") == "exit 73\n")
        #expect(
            read("stderr.txt")
                == "out/big.postman_collection.json: error: cannot write: no space left on device (ENOSPC); "
                + "nothing was changed [output-unwritable]\n"
                + "  hint: free some space on that disk, then run again\n")
        #expect(read("before.txt") == read("after.txt"), "the old bundle is intact")
        #expect(
            read("listing.txt") == """
                .:
                out

                out:
                CERTIFICATES.md
                gen-collections.bundle.json
                monese-sandbox.postman_collection.json
                monese-sandbox.postman_environment.json
                run-newman.plan.json
                run-newman.sh
                ssl-client-cert-list.json

                """)
    }

    @Test(.enabled(if: canMount, "needs root to mount a tmpfs in a private mount namespace"))
    func aReadOnlyFileSystemSaysEROFS() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("mnt"), withIntermediateDirectories: true)
        let run = Self.onTmpfs(
            size: "1m",
            """
            "$2" generate --out out >/dev/null || exit 99
            mount -o remount,ro "$1" && "$2" generate --out out; echo "exit $?"
            """, in: folder)
        #expect(run.output == "exit 73\n")
        #expect(
            run.error
                == "out: error: cannot write: read-only file system (EROFS); nothing was changed [output-unwritable]\n"
                + "  hint: write to a folder on a writable file system\n")
    }

    @Test(.enabled(if: getuid() == 0 && Shell.has("setpriv"), "needs root to run the tool as another user"))
    func aFolderWithoutWritePermissionSaysEACCES() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        chmod(folder.path, 0o755)  // nobody may enter, not write
        let run = Shell.run(
            "/usr/bin/env",
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", Self.binary, "generate", "--out", "out"],
            directory: folder)
        #expect(run.status == 73)
        #expect(
            run.error
                == "out: error: cannot write: permission denied (EACCES); nothing was changed [output-unwritable]\n"
                + "  hint: check the folder's permissions, or write somewhere else\n")
    }

    @Test func anOutputPathThatIsAFileSaysENOTDIR() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("out"))
        let run = Shell.run(Self.binary, ["generate", "--out", "out"], directory: folder)
        #expect(run.status == 73)
        #expect(
            run.error
                == "out: error: cannot write: a part of the path is not a folder (ENOTDIR); nothing was changed "
                + "[output-unwritable]\n")
    }

    @Test func devZeroIsRefusedNotReadForever() {
        let run = Shell.run(Self.binary, ["generate", "--spec", "/dev/zero", "--dry-run"])
        #expect(run.status == 66)
        #expect(
            run.error
                == "/dev/zero: error: cannot read the spec: it is a device, not a file [input-unreadable]\n  hint: name a file\n"
        )
    }

    @Test func anInputOverTheLimitIsRefusedUntilTheLimitIsRaised() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(KillTests.spec(version: 0).utf8).write(to: folder.appendingPathComponent("big.yaml"))
        let refused = Shell.run(
            Self.binary, ["generate", "--spec", "big.yaml", "--max-input-size", "64K", "--dry-run"], directory: folder)
        #expect(refused.status == 66)
        #expect(
            refused.error
                == "big.yaml: error: cannot read the spec: it is larger than 64 KiB, the input size limit "
                + "[input-unreadable]\n  hint: pass --max-input-size with a larger size, e.g. --max-input-size 256M\n")
        let raised = Shell.run(
            Self.binary, ["generate", "--spec", "big.yaml", "--max-input-size", "1M", "--dry-run"], directory: folder)
        #expect(raised.status == 0, "\(raised.error)")
        let bad = Shell.run(Self.binary, ["generate", "--max-input-size", "lots"])
        #expect(bad.status == 64)
    }
}

extension FileErrorTests {
    @Test func checkWarnsAboutAnInterruptedWriteAndGenerateFinishesIt() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Shell.run(Self.binary, ["generate", "--out", "out"], directory: folder).status == 0)
        // What a generate killed while moving its files leaves beside the output folder.
        let commit = folder.appendingPathComponent(".out.gen-collections.commit")
        try FileManager.default.createDirectory(at: commit, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("out/run-newman.sh"), to: commit.appendingPathComponent("run-newman.sh"))
        let check = Shell.run(Self.binary, ["check", "--out", "out"], directory: folder)
        #expect(check.status == 0)
        #expect(
            check.error
                == "out: warning: a write of this folder was killed before it had moved every file "
                + "[output-interrupted]\n  hint: run 'gen-collections generate' or 'sync' to finish it; until then "
                + "files may mix versions\n")
        #expect(Shell.run(Self.binary, ["generate", "--out", "out"], directory: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: commit.path))
        #expect(Shell.run(Self.binary, ["check", "--out", "out"], directory: folder).error.isEmpty)
    }
}
