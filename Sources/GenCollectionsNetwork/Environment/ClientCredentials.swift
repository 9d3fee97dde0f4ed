import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// The file `register --send` writes and `fetch-env` reads: the bank's whole registration reply, which holds
/// `client_id` and `client_secret`. Written with mode 0600; its content is never printed.
public enum ClientCredentials {
    /// Where `register` saves and `fetch-env` looks by default.
    public static let defaultFile = "client-credentials.json"

    /// Writes the registration reply atomically, readable and writable by the user only.
    /// - Throws: `NetworkError` (kind `.cannotWrite`).
    public static func save(_ response: RegistrationResponse, to file: String) throws {
        let content: Data
        if let json = JSONValue.parse(response.body) {
            content = json.postmanData()
        } else {
            content = response.body
        }
        try SecretFile.write(content, to: file)
    }

    /// Reads `client_id` and `client_secret` from a credentials file.
    /// - Throws: `NetworkError` when the file is unreadable or has no `client_id`.
    public static func load(from file: String) throws -> (clientID: String, clientSecret: String?) {
        guard let data = try? InputFile.read(file) else {
            throw NetworkError(
                .unreadableInput, id: "credentials-unreadable", "cannot read the credentials file",
                file: file, hint: "run 'gen-collections register --send', or pass --client-id")
        }
        guard let reply = JSONValue.parse(data), let clientID = reply["client_id"]?.text else {
            throw NetworkError(
                .invalidInput, id: "credentials-invalid", "the credentials file has no 'client_id'",
                file: file, hint: "it must be the JSON reply saved by 'gen-collections register --send'")
        }
        return (clientID, reply["client_secret"]?.text)
    }
}

/// Atomic writes of files that may hold secrets (`AtomicFile`): a temporary file created with mode 0600 in the
/// target's folder, given the final mode (0600 unless said otherwise), then renamed over the target, so no reader
/// sees a partial or open file. A killed run's temporary file is removed by the next write of the same file.
public enum SecretFile {
    /// Writes `data` to `file` atomically with `mode`.
    /// - Throws: `NetworkError` (kind `.cannotWrite`).
    public static func write(_ data: Data, to file: String, mode: mode_t = 0o600) throws {
        do {
            try AtomicFile.write(data, to: file, mode: mode)
        } catch {
            throw NetworkError(
                .cannotWrite, id: "output-unwritable", "cannot write: \(error.error)",
                file: error.path, hint: error.error.writeHint ?? "choose a writable path")
        }
    }

    /// The permission bits of an existing file, or nil when there is none.
    public static func mode(of file: String) -> mode_t? {
        var info = stat()
        return stat(file, &info) == 0 ? info.st_mode & 0o777 : nil
    }
}
