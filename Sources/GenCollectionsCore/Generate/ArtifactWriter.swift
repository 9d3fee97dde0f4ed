import Foundation
import GenCollectionsBase

/// Writes a bundle all or nothing, so that a kill, a full disk or a permission problem never leaves a mix of old
/// and new files:
///
/// 1. every file is written into a staging folder beside the output folder (same file system), each created
///    with mode 0600 and given its final mode only once complete;
/// 2. the staging folder is renamed to the commit folder: this single rename is the commit point;
/// 3. the files are moved into place, one rename each, and the commit folder is removed.
///
/// A failure before the commit point removes the staging folder and leaves the output folder as it was. A kill
/// during step 3 leaves the commit folder, which the next `generate` or `sync` on that output folder finishes
/// first (`BundleWorkspace.recover()`), as it removes the staging folders and temporary files of killed runs.
public enum ArtifactWriter {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// The file or folder, as the user named the output folder.
        public var path: String
        public var reason: String
        /// Whether the output folder is as it was before the write.
        public var unchanged: Bool
        /// What the user can do, when the reason suggests something.
        public var hint: String?

        public init(path: String, reason: String, unchanged: Bool, hint: String? = nil) {
            self.path = path
            self.reason = reason
            self.unchanged = unchanged
            self.hint = hint
        }

        init(path: String, error: SystemError, unchanged: Bool = true) {
            self.init(path: path, reason: "\(error)", unchanged: unchanged, hint: error.writeHint)
        }

        public var description: String {
            "cannot write \(path): \(reason)" + (unchanged ? "; nothing was changed" : "")
        }

        /// The diagnostic the commands print.
        public var diagnostic: Diagnostic {
            .error(
                "output-unwritable", "cannot write: \(reason)" + (unchanged ? "; nothing was changed" : ""),
                at: SourceLocation(file: path), hint: hint)
        }
    }

    /// The commit folder of a write that a killed run committed but did not complete, if there is one: the output
    /// folder then mixes old and new files until the next `generate` or `sync` (which `check` says).
    public static func interruptedWrite(in directory: URL) -> String? {
        let (_, folder, prefix) = BundleWorkspace.locate(directory)
        let commit = "\(folder)/\(prefix).commit"
        return FileManager.default.fileExists(atPath: commit) ? commit : nil
    }

    /// Finishes a write that a killed run committed but did not complete, and removes what killed runs left
    /// (`generate` and `sync` call it before they read the output folder). Does nothing when the folder is missing.
    public static func finishInterruptedWrite(in directory: URL) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder), isFolder.boolValue,
            let workspace = try? BundleWorkspace.open(directory)
        else { return }
        workspace.recover()
        workspace.close()
    }

    /// Writes every artifact under `directory`, all or nothing, creating folders as needed.
    /// - Returns: the paths written, in order.
    @discardableResult
    public static func write(_ artifacts: [Artifact], to directory: URL) throws(WriteError) -> [URL] {
        let targets = artifacts.map { directory.appendingPathComponent($0.path) }
        guard !artifacts.isEmpty else { return [] }
        let workspace = try BundleWorkspace.open(directory)
        defer { workspace.close() }
        workspace.recover(files: artifacts.filter { !$0.path.contains("/") }.map(\.path))
        try prepare(targets)
        try stage(artifacts, targets: targets, in: workspace.stagingPath, directory: directory)
        guard rename(workspace.stagingPath, workspace.commitPath) == 0 else {
            let error = SystemError.current
            BundleWorkspace.removeTree(workspace.stagingPath)
            throw WriteError(path: directory.relativePath, error: error)
        }
        AtomicFile.syncFolder(workspace.folder)
        if let failure = workspace.finishCommit(paths: artifacts.map(\.path)) {
            throw WriteError(
                path: directory.relativePath,
                reason: "\(failure); the new files wait in \(workspace.commitPath)", unchanged: false,
                hint: "fix the cause, then run again: the next 'generate' or 'sync' moves them into place")
        }
        return targets
    }

    /// Refuses a folder where a file goes (it would stop the moves half-way) before anything is written, and
    /// creates the folders the files go in, so that the moves are renames only.
    private static func prepare(_ targets: [URL]) throws(WriteError) {
        for target in targets {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
                throw WriteError(path: target.relativePath, error: SystemError(EISDIR))
            }
            do {
                try AtomicFile.makeFolder(target.deletingLastPathComponent().path)
            } catch {
                throw WriteError(path: error.path, error: error.error)
            }
        }
    }

    /// Writes every file into the staging folder with its final mode; on failure removes the staging folder.
    private static func stage(
        _ artifacts: [Artifact], targets: [URL], in staging: String, directory: URL
    ) throws(WriteError) {
        do throws(AtomicFile.WriteError) {
            try AtomicFile.makeFolder(staging)
            for (artifact, target) in zip(artifacts, targets) {
                let file = "\(staging)/\(artifact.path)"
                try AtomicFile.makeFolder((file as NSString).deletingLastPathComponent)
                let mode = artifact.mode(existing: existingMode(target.path))
                do {
                    if let stream = artifact.stream {
                        try AtomicFile.create(file, mode: mode, writing: stream)
                    } else {
                        try AtomicFile.create(file, contents: artifact.contents, mode: mode)
                    }
                } catch {
                    throw AtomicFile.WriteError(path: target.relativePath, error: error.error)
                }
            }
            AtomicFile.syncFolder(staging)
        } catch {
            BundleWorkspace.removeTree(staging)
            throw WriteError(
                path: error.path.hasPrefix(staging) ? directory.relativePath : error.path, error: error.error)
        }
    }

    /// Writes one file atomically (`init`): a temporary file beside it, renamed over it.
    @discardableResult
    public static func write(
        _ data: Data, to url: URL, executable: Bool = false, permissions: Int? = nil
    ) throws(WriteError) -> URL {
        let mode = permissions.map { mode_t($0) } ?? existingMode(url.path) ?? (executable ? 0o755 : 0o644)
        do {
            try AtomicFile.write(data, to: url.path, mode: mode)
        } catch {
            throw WriteError(path: error.path == url.path ? url.relativePath : error.path, error: error.error)
        }
        return url
    }

    /// The permission bits of an existing file, kept when it is replaced (a user who made it 0600 keeps 0600).
    static func existingMode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return info.st_mode & 0o777
    }
}
