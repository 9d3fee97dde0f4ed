import Foundation

/// Reads a file the user named: bounded in size, refused when it is a device or a folder, and with the real
/// reason when it cannot be read. Pipes are read too (`--spec <(envsubst < spec.yaml)`), up to the same bound.
public enum InputFile {
    /// The default bound on one input file: 32 MiB, far above any spec, helper file or collection seen, far
    /// below what would make a run take minutes. `--max-input-size` raises it.
    public static let defaultMaximumSize = 32 << 20

    /// Why a file was not read.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public enum Reason: Sendable, Hashable {
            /// open, stat or read failed.
            case system(SystemError)
            case folder
            /// A character or block device, or a socket: `/dev/zero` would be read forever.
            case specialFile(String)
            /// More than `limit` bytes.
            case tooLarge(limit: Int)
        }

        public var path: String
        public var reason: Reason

        public var description: String {
            switch reason {
            case let .system(error): return "\(error)"
            case .folder: return "it is a folder"
            case let .specialFile(kind): return "it is a \(kind), not a file"
            case let .tooLarge(limit): return "it is larger than \(InputFile.sizeText(limit)), the input size limit"
            }
        }

        /// What the user can do about it.
        public var hint: String? {
            switch reason {
            case .tooLarge: return "pass --max-input-size with a larger size, e.g. --max-input-size 256M"
            case .folder, .specialFile: return "name a file"
            case .system: return nil
            }
        }
    }

    /// The bytes of the file at `path`, as `Data`; see `bytes(_:maximumSize:)`.
    public static func read(_ path: String, maximumSize: Int = defaultMaximumSize) throws(Failure) -> Data {
        try contents(of: path, maximumSize: maximumSize)
    }

    /// The bytes of the file at `path`, read into one array sized from the file's length (a 20 MB collection is
    /// held once while it is read, not grown and copied).
    /// - Parameter maximumSize: files (or pipes) holding more bytes are refused.
    /// - Throws: `Failure`.
    public static func bytes(_ path: String, maximumSize: Int = defaultMaximumSize) throws(Failure) -> [UInt8] {
        try contents(of: path, maximumSize: maximumSize)
    }

    /// `bytes` into the collection the caller keeps (an array to parse, a `Data` to compare), so neither is
    /// copied into the other.
    private static func contents<Bytes: RangeReplaceableCollection<UInt8>>(
        of path: String, maximumSize: Int
    ) throws(Failure) -> Bytes {
        func failure(_ reason: Failure.Reason) -> Failure { Failure(path: path, reason: reason) }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(.system(.current)) }
        if let kind = specialKind(info.st_mode) { throw failure(kind == "folder" ? .folder : .specialFile(kind)) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(.system(.current)) }
        defer { close(descriptor) }
        // The file may have been swapped between stat and open.
        guard fstat(descriptor, &info) == 0 else { throw failure(.system(.current)) }
        if let kind = specialKind(info.st_mode) { throw failure(kind == "folder" ? .folder : .specialFile(kind)) }
        let isRegular = (info.st_mode & S_IFMT) == S_IFREG
        if isRegular, Int(info.st_size) > maximumSize { throw failure(.tooLarge(limit: maximumSize)) }
        var bytes = Bytes()
        // Sized once (one byte more, for the read that finds the end), so a large file is never grown and copied.
        if isRegular { bytes.reserveCapacity(Int(info.st_size) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { throw failure(.system(.current)) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > maximumSize { throw failure(.tooLarge(limit: maximumSize)) }
        }
    }

    /// Nil for a regular file or a pipe; otherwise what the file is, as a message names it.
    private static func specialKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFIFO: return nil
        case S_IFDIR: return "folder"
        case S_IFCHR: return "device"
        case S_IFBLK: return "block device"
        case S_IFSOCK: return "socket"
        default: return "special file"
        }
    }

    /// `32 MiB`, `512 KiB` or `100 bytes`.
    public static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
