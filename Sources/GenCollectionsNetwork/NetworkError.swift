import GenCollectionsBase
import GenCollectionsCore

/// A failure of `register` or `fetch-env`, as one diagnostic plus what kind of failure it is, so the command
/// can pick the exit code. The message never contains a secret.
public struct NetworkError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, which decides the exit code.
    public enum Kind: Sendable, Hashable {
        /// An input file is missing or unreadable (exit 66).
        case unreadableInput
        /// An input is readable but wrong: a bad key, bad claims, a malformed value (exit 1).
        case invalidInput
        /// The network or the server failed: TLS, timeout, HTTP error status, unexpected body (exit 69).
        case service
        /// An output file cannot be written (exit 73).
        case cannotWrite
    }

    public var kind: Kind
    public var diagnostic: Diagnostic

    public init(_ kind: Kind, _ diagnostic: Diagnostic) {
        self.kind = kind
        self.diagnostic = diagnostic
    }

    /// An error without a position in a file.
    public init(_ kind: Kind, id: String, _ message: String, file: String? = nil, hint: String? = nil) {
        self.init(kind, .error(id, message, at: file.map { SourceLocation(file: $0) }, hint: hint))
    }

    public var description: String { diagnostic.description }

    /// The tool's exit code for this kind of failure (see docs/register-and-fetch-env.md).
    public var exitCode: Int32 {
        switch kind {
        case .unreadableInput: return 66
        case .invalidInput: return 1
        case .service: return 69
        case .cannotWrite: return 73
        }
    }
}
