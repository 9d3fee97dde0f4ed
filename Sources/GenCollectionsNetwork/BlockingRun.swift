import Foundation

/// Runs async work from synchronous code, such as a `ParsableCommand.run()` under a root command that is not an
/// `AsyncParsableCommand`. The work runs on the global concurrent executor; the caller's thread waits.
/// Never call it from inside an async context: it would block one of that executor's threads.
public func runBlocking<Value: Sendable>(_ work: @escaping @Sendable () async throws -> Value) throws -> Value {
    let outcome = OutcomeBox<Value>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        let result: Result<Value, any Error>
        do { result = .success(try await work()) } catch { result = .failure(error) }
        outcome.set(result)
        done.signal()
    }
    done.wait()
    return try outcome.get()
}

/// The result handed from the task to the waiting thread; the lock orders the write before the read.
private final class OutcomeBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<Value, any Error>?

    func set(_ value: Result<Value, any Error>) {
        lock.withLock { result = value }
    }

    func get() throws -> Value {
        try lock.withLock { result! }.get()
    }
}
