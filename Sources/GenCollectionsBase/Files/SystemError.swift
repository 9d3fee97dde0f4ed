import Foundation

/// An `errno` value, told the way the tool's messages are: a short lowercase reason, then the symbol the system
/// uses, e.g. `no space left on device (ENOSPC)`, so a user can act and an expert can search.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: Int32

    public init(_ code: Int32) { self.code = code }

    /// The current `errno`.
    public static var current: SystemError { SystemError(errno) }

    public var description: String {
        guard let (symbol, reason) = Self.known[code] else {
            return "\(String(cString: strerror(code)).lowercased()) (errno \(code))"
        }
        return "\(reason) (\(symbol))"
    }

    /// What to do when writing failed with this error, when there is something to say.
    public var writeHint: String? {
        switch code {
        case ENOSPC, EDQUOT: return "free some space on that disk, then run again"
        case EACCES, EPERM: return "check the folder's permissions, or write somewhere else"
        case EROFS: return "write to a folder on a writable file system"
        case EISDIR: return "remove or rename the folder that has the file's name"
        default: return nil
        }
    }

    /// The codes a file operation commonly ends with, in the words the tool uses for them.
    private static let known: [Int32: (String, String)] = [
        ENOENT: ("ENOENT", "no such file or folder"),
        EACCES: ("EACCES", "permission denied"),
        EPERM: ("EPERM", "operation not permitted"),
        EISDIR: ("EISDIR", "it is a folder"),
        ENOTDIR: ("ENOTDIR", "a part of the path is not a folder"),
        ELOOP: ("ELOOP", "too many symbolic links"),
        ENAMETOOLONG: ("ENAMETOOLONG", "the path is too long"),
        EIO: ("EIO", "input/output error"),
        ENOSPC: ("ENOSPC", "no space left on device"),
        EDQUOT: ("EDQUOT", "disk quota exceeded"),
        EROFS: ("EROFS", "read-only file system"),
        EEXIST: ("EEXIST", "the file exists"),
        EXDEV: ("EXDEV", "not on the same file system"),
        EBUSY: ("EBUSY", "device or resource busy"),
        EMFILE: ("EMFILE", "too many open files"),
        ENFILE: ("ENFILE", "too many open files in the system"),
        ENOMEM: ("ENOMEM", "out of memory"),
        EFBIG: ("EFBIG", "the file is too large"),
        ETXTBSY: ("ETXTBSY", "the file is busy"),
        EINVAL: ("EINVAL", "invalid argument"),
        ENXIO: ("ENXIO", "no such device"),
        ENODEV: ("ENODEV", "no such device"),
    ]
}
