import Foundation

/// Writes files so that no reader ever sees a partial one: the bytes go to a temporary file beside the target,
/// created with mode 0600 (so a secret is never readable by others, even for a moment), flushed to disk, given
/// its final mode, then renamed over the target.
public enum AtomicFile {
    /// A file that could not be written, and the system's reason.
    public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The file (or folder) the operation was about.
        public var path: String
        public var error: SystemError

        public init(path: String, error: SystemError) {
            self.path = path
            self.error = error
        }

        public var description: String { "cannot write \(path): \(error)" }
    }

    /// Writes `data` to `path` atomically, creating its folder when needed.
    /// - Parameter mode: the permission bits of the file.
    /// - Throws: `WriteError`; the target is then unchanged and no temporary file is left.
    public static func write(_ data: Data, to path: String, mode: mode_t) throws(WriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try makeFolder(folder)
        removeLeftovers(in: folder, of: url.lastPathComponent)
        let temporary = "\(folder)/\(temporaryName(for: url.lastPathComponent))"
        do {
            try create(temporary, contents: data, mode: mode)
        } catch {
            // The temporary file is ours; the user asked for `path`, so that is the file that cannot be written.
            throw WriteError(path: path, error: error.error)
        }
        guard rename(temporary, path) == 0 else {
            let error = SystemError.current
            unlink(temporary)
            throw WriteError(path: path, error: error)
        }
        syncFolder(folder)
    }

    /// Creates a new file holding `data`: opened with mode 0600 and `O_EXCL`, written, given `mode`, flushed.
    /// - Throws: `WriteError` for `path`; a partial file is removed.
    public static func create(_ path: String, contents data: Data, mode: mode_t) throws(WriteError) {
        try create(path, mode: mode) { descriptor in
            data.withUnsafeBytes { writeAll($0, to: descriptor) }
        }
    }

    /// Creates a new file whose bytes `write` writes to its descriptor as they are made (returning the first
    /// failure, if any): opened with mode 0600 and `O_EXCL`, given `mode` once written, flushed.
    /// - Throws: `WriteError` for `path`; a partial file is removed.
    public static func create(
        _ path: String, mode: mode_t, writing write: (_ descriptor: Int32) -> SystemError?
    ) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw WriteError(path: path, error: .current) }
        var failure = write(descriptor)
        if failure == nil, fchmod(descriptor, mode) != 0 { failure = .current }
        if failure == nil, fsync(descriptor) != 0 { failure = .current }
        if close(descriptor) != 0, failure == nil { failure = .current }
        if let failure {
            unlink(path)
            throw WriteError(path: path, error: failure)
        }
    }

    /// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes; the failure, if any.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> SystemError? {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return written < 0 ? .current : SystemError(EIO) }
            offset += written
        }
        return nil
    }

    /// Creates `path` and its parents as folders when missing.
    public static func makeFolder(_ path: String) throws(WriteError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw WriteError(path: path, error: SystemError(ENOTDIR)) }
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != path { try makeFolder(parent) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw WriteError(path: path, error: .current) }
    }

    /// Flushes a folder's entries (a rename is durable only once its folder is); best effort.
    public static func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    /// `.<name>.gen-collections-<pid>-<random>.tmp`: hidden, unique, and traceable to the process that made it.
    static func temporaryName(for name: String) -> String {
        ".\(name).gen-collections-\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 16)).tmp"
    }

    /// Removes the temporary files that killed writers left in `folder`, when the process that made them is gone:
    /// this tool's (`.<name>.gen-collections-<pid>-<random>.tmp`), and for a named file also those of earlier
    /// versions (`.<name>.<pid>.tmp`), a pattern too common to remove for files the tool does not write.
    /// - Parameter name: only the leftovers of this file; nil for this tool's temporary files of any file.
    public static func removeLeftovers(in folder: String, of name: String? = nil) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(".") && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst().dropLast(".tmp".count)
            let file: Substring, pid: Substring
            if let marker = middle.range(of: ".gen-collections-", options: .backwards) {
                file = middle[..<marker.lowerBound]
                pid = middle[marker.upperBound...].prefix { $0 != "-" }
            } else if name != nil, let dot = middle.lastIndex(of: ".") {
                file = middle[..<dot]
                pid = middle[middle.index(after: dot)...]
            } else {
                continue
            }
            guard name.map({ $0 == file }) ?? true, let number = Int32(pid), !ProcessLiveness.isAlive(number) else {
                continue
            }
            unlink("\(folder)/\(entry)")
        }
    }
}

/// Whether a process still runs, to tell a killed writer's leftovers from a concurrent writer's files.
public enum ProcessLiveness {
    public static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return pid == getpid() ? true : (kill(pid, 0) == 0 || errno == EPERM)
    }
}
