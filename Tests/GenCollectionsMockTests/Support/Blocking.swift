import Foundation

/// Runs blocking work (a child process, a wait) on a Dispatch thread, so that it never holds one of Swift
/// concurrency's few cooperative threads while other suites' async tests wait for them.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
