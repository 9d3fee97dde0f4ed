import Foundation
import GenCollectionsTestSupport
import NIOConcurrencyHelpers

/// `gen-collections mock` run as a process on port 0: waits for its ready line, stops it with SIGTERM.
final class MockProcess: Sendable {
    let process: Process
    private let output = NIOLockedValueBox("")
    let origin: String
    let port: Int

    /// Starts the built binary with `arguments` (after `mock --port 0`) in `folder`.
    init(_ arguments: [String], in folder: URL) throws {
        process = Process()
        process.executableURL = PackagePaths.binary
        process.arguments = ["mock", "--port", "0"] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = self.output
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }  // end of file
            output.withLockedValue { $0 += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var found: String?
        while found == nil, Date() < deadline, process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            found = output.withLockedValue { text in
                text.range(of: #"mock: ready on (https://\S+)"#, options: .regularExpression).map {
                    String(text[$0].dropFirst("mock: ready on ".count))
                }
            }
        }
        guard let found, let port = Int(found.split(separator: ":").last ?? "") else {
            process.terminate()
            throw MockProcessError(output: output.withLockedValue { $0 })
        }
        origin = found
        self.port = port
    }

    var printed: String { output.withLockedValue { $0 } }

    /// SIGTERM, then the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    struct MockProcessError: Error, CustomStringConvertible {
        var output: String
        var description: String { "the mock printed no ready line:\n\(output)" }
    }
}
