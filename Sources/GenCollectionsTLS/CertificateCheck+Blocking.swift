import Dispatch
import Foundation
import GenCollectionsCore

extension CertificateCheck {
    /// `run` for synchronous callers such as a `ParsableCommand`. The X509 verifier is async but does not
    /// suspend on I/O, so waiting here cannot deadlock.
    public static func runBlocking(spec: Spec, directory: URL, now: Date = Date()) -> [Diagnostic] {
        let box = DiagnosticsBox()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.set(await run(spec: spec, directory: directory, now: now))
            done.signal()
        }
        done.wait()
        return box.get()
    }
}

/// Carries the result out of the task.
private final class DiagnosticsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var diagnostics: [Diagnostic] = []

    func set(_ value: [Diagnostic]) { lock.withLock { diagnostics = value } }
    func get() -> [Diagnostic] { lock.withLock { diagnostics } }
}
