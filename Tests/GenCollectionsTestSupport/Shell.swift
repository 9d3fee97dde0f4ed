import Foundation

/// Runs a program to completion and collects its exit status and output: the one process runner of every test
/// target (tools such as python3, node, openssl and shellcheck, and the built `gen-collections` binary).
public enum Shell {
    public struct Result: Sendable {
        public var status: Int32
        /// Standard output.
        public var output: String
        /// Standard error.
        public var error: String
    }

    /// Runs `executable` with `arguments`.
    /// - Parameters:
    ///   - input: bytes for standard input (none: standard input is empty).
    ///   - directory: the working directory (default: this process's).
    ///   - environment: variables added to this process's environment, or the whole environment when
    ///     `inheritEnvironment` is false (for runs that must not see the caller's variables).
    public static func run(
        _ executable: String, _ arguments: [String], input: Data? = nil, directory: URL? = nil,
        environment: [String: String] = [:], inheritEnvironment: Bool = true
    ) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !inheritEnvironment {
            process.environment = environment
        } else if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let output = Pipe(), error = Pipe(), stdin = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        do { try process.run() } catch { return Result(status: -1, output: "", error: "\(error)") }
        // Standard error is drained on another thread, so a child filling one pipe never blocks on the other.
        let errorData = DataBox()
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errorData.data = error.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            error: String(decoding: errorData.data, as: UTF8.self))
    }

    /// The path of `name` on PATH, if any.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Whether `name` is on PATH.
    public static func has(_ name: String) -> Bool { which(name) != nil }

    /// Whether `name` on PATH runs `arguments` with status 0 (e.g. python3 importing a module).
    public static func succeeds(_ name: String, _ arguments: [String]) -> Bool {
        guard let path = which(name) else { return false }
        return run(path, arguments).status == 0
    }
}

/// Hands the drained bytes from the reading thread to the caller; the semaphore orders write before read.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
