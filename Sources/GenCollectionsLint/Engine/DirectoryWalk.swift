#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The entries below a directory, read with `readdir`: Foundation's enumerator spent most of a 1,000-file walk
/// rebuilding each path string.
enum DirectoryWalk {
    /// Paths of the files below `root`, relative to it, in no particular order. Symbolic links are listed, not
    /// followed (so the walk cannot loop); hidden entries and `node_modules` are skipped with everything under
    /// them; a subdirectory that cannot be opened is skipped. Nil when `root` itself cannot be listed.
    static func files(under root: String) -> [String]? {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let directory = opendir(relative.isEmpty ? root : root + "/" + relative) else {
                if relative.isEmpty { return nil }
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                    String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix("."), name != "node_modules" else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                if isDirectory(entry.pointee.d_type, root + "/" + path) {
                    pending.append(path)
                } else {
                    found.append(path)
                }
            }
        }
        return found
    }

    /// From the entry's type, or from `lstat` where the file system does not say.
    private static func isDirectory(_ type: UInt8, _ path: String) -> Bool {
        if Int32(type) != Int32(DT_UNKNOWN) { return Int32(type) == Int32(DT_DIR) }
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }
}
