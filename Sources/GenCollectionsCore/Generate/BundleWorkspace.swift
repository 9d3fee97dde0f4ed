import Foundation
import GenCollectionsBase

/// Where `ArtifactWriter` stages and commits a bundle: beside the output folder, in its parent, so that the output
/// folder never holds a temporary file, or inside it when it is a mount point (a rename cannot cross file systems).
/// The workspace folder is locked while a write commits, so two runs on the same output folder take turns.
struct BundleWorkspace {
    /// The output folder, resolved (symbolic links and `.` followed).
    let output: String
    /// The parent of `output`, or `output` itself when they are on different file systems.
    let folder: String
    /// `.<output name>.gen-collections` beside the output folder, `.gen-collections` inside it.
    let prefix: String
    private let lock: Int32

    /// This process's staging folder.
    var stagingPath: String { "\(folder)/\(prefix)-\(getpid()).staging" }
    /// The folder a committed write moves its files from.
    var commitPath: String { "\(folder)/\(prefix).commit" }

    /// Creates the output folder when missing, and locks the workspace.
    static func open(_ directory: URL) throws(ArtifactWriter.WriteError) -> BundleWorkspace {
        do {
            try AtomicFile.makeFolder(directory.path)
        } catch {
            let path = error.path == directory.path ? directory.relativePath : error.path
            throw ArtifactWriter.WriteError(path: path, error: error.error)
        }
        let (output, folder, prefix) = locate(directory)
        let lock = Foundation.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if lock >= 0 { flock(lock, LOCK_EX) }
        return BundleWorkspace(output: output, folder: folder, prefix: prefix, lock: lock)
    }

    /// The resolved output folder, the workspace folder and the prefix of its entries, for an existing folder.
    static func locate(_ directory: URL) -> (output: String, folder: String, prefix: String) {
        let output = directory.resolvingSymlinksInPath().standardizedFileURL.path
        let parent = (output as NSString).deletingLastPathComponent
        var outputInfo = stat(), parentInfo = stat()
        let beside =
            !parent.isEmpty && parent != output && stat(output, &outputInfo) == 0 && stat(parent, &parentInfo) == 0
            && outputInfo.st_dev == parentInfo.st_dev && access(parent, W_OK) == 0
        let prefix = beside ? ".\((output as NSString).lastPathComponent).gen-collections" : ".gen-collections"
        return (output, beside ? parent : output, prefix)
    }

    func close() {
        guard lock >= 0 else { return }
        flock(lock, LOCK_UN)
        Foundation.close(lock)
    }

    /// Finishes or removes what killed runs left behind: a commit folder is moved into place (its rename was the
    /// commit point), and the staging folders and temporary files of processes that are gone are removed.
    /// - Parameter files: the bundle's file names, whose temporary files of earlier versions are removed too.
    func recover(files: [String] = []) {
        if FileManager.default.fileExists(atPath: commitPath) { _ = finishCommit() }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for entry in entries where entry.hasPrefix("\(prefix)-") && entry.hasSuffix(".staging") {
            let pid = entry.dropFirst(prefix.count + 1).dropLast(".staging".count)
            if let pid = Int32(pid), !ProcessLiveness.isAlive(pid) { Self.removeTree("\(folder)/\(entry)") }
        }
        AtomicFile.removeLeftovers(in: output)
        for file in files { AtomicFile.removeLeftovers(in: output, of: file) }
    }

    /// Moves every file of the commit folder into the output folder, then removes the commit folder.
    /// - Parameter paths: the files, relative to both folders, when the caller knows them (and has created their
    ///   folders in the output folder): the moves then follow one another with nothing in between, so the time a
    ///   reader could see a mix of versions is that of a few renames. Nil lists the commit folder (recovery).
    /// - Returns: the first failure, after which the remaining files stay in the commit folder for the next run.
    func finishCommit(paths: [String]? = nil) -> SystemError? {
        var files = paths ?? []
        if paths == nil {
            let manager = FileManager.default
            let enumerator = manager.enumerator(atPath: commitPath)
            while let path = enumerator?.nextObject() as? String {
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: "\(commitPath)/\(path)", isDirectory: &isFolder), !isFolder.boolValue {
                    files.append(path)
                }
            }
            files.sort()
            for path in files {
                do {
                    try AtomicFile.makeFolder(("\(output)/\(path)" as NSString).deletingLastPathComponent)
                } catch {
                    return error.error
                }
            }
        }
        for path in files {
            guard rename("\(commitPath)/\(path)", "\(output)/\(path)") == 0 else { return .current }
        }
        AtomicFile.syncFolder(output)
        Self.removeTree(commitPath)
        AtomicFile.syncFolder(folder)
        return nil
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
