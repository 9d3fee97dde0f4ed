import Foundation

/// The real Newman for end-to-end tests: `GEN_COLLECTIONS_NEWMAN`, else `newman` on PATH, else the Newman 6.2.1
/// bundled in `../shared/tools/newman`, unpacked once into `.build/newman` (it needs node). Tests that need it are
/// skipped, never passed, when none is found; `skipReason` says why.
public enum Newman {
    /// The `newman` command, or nil.
    public static let path: String? = locate()

    /// Why `path` is nil, for `.enabled(if: Newman.path != nil, Comment(rawValue: Newman.skipReason))`.
    public static let skipReason = """
        newman not found: set GEN_COLLECTIONS_NEWMAN, put newman on PATH, or keep ../shared/tools/newman beside \
        the project with node on PATH
        """

    private static func locate() -> String? {
        if let given = ProcessInfo.processInfo.environment["GEN_COLLECTIONS_NEWMAN"], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? given : nil
        }
        if let onPath = Shell.which("newman") { return onPath }
        let install = PackagePaths.root.deletingLastPathComponent().appendingPathComponent(
            "shared/tools/newman/install")
        guard Shell.has("node"), FileManager.default.isExecutableFile(atPath: install.path) else { return nil }
        let directory = PackagePaths.root.appendingPathComponent(".build/newman").path
        let result = Shell.run("/bin/bash", [install.path, directory])
        let printed = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return result.status == 0 && FileManager.default.isExecutableFile(atPath: printed) ? printed : nil
    }
}
