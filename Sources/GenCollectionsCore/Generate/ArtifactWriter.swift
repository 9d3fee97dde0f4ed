import Foundation

/// Writes artifacts so that a reader never sees a half-written file: each goes to a temporary file in the
/// same folder, then is renamed over the target.
public enum ArtifactWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// Writes every artifact under `directory`, creating folders as needed.
    /// - Returns: the paths written, in order.
    @discardableResult
    public static func write(_ artifacts: [Artifact], to directory: URL) throws -> [URL] {
        try artifacts.map {
            try write($0.contents, to: directory.appendingPathComponent($0.path), executable: $0.executable)
        }
    }

    /// Writes `data` atomically to `url` with the given permissions.
    @discardableResult
    public static func write(_ data: Data, to url: URL, executable: Bool = false, permissions: Int? = nil) throws -> URL
    {
        let manager = FileManager.default
        let folder = url.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: folder.path, reason: "cannot create the folder (\(error.localizedDescription))")
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        let mode = permissions ?? (executable ? 0o755 : 0o644)
        guard manager.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: mode]) else {
            throw WriteError(path: url.path, reason: "the folder is not writable")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw WriteError(path: url.path, reason: reason)
        }
        return url
    }
}
