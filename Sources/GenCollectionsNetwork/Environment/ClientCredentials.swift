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
        guard let data = FileManager.default.contents(atPath: file) else {
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

/// Atomic writes of files that may hold secrets: a temporary file created with the final mode (0600 unless said
/// otherwise) in the target's folder, then renamed over the target, so no reader sees a partial or open file.
public enum SecretFile {
    /// Writes `data` to `file` atomically; `mode` is applied when the temporary file is created.
    /// - Throws: `NetworkError` (kind `.cannotWrite`).
    public static func write(_ data: Data, to file: String, mode: mode_t = 0o600) throws {
        func failure(_ reason: String) -> NetworkError {
            NetworkError(
                .cannotWrite, id: "output-unwritable", "cannot write: \(reason)", file: file,
                hint: "choose a writable path")
        }
        let url = URL(fileURLWithPath: file)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        ).path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw failure(String(cString: strerror(errno))) }
        var ok = fchmod(descriptor, mode) == 0
        ok =
            ok
            && data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { return false }
                    offset += written
                }
                return true
            }
        ok = ok && fsync(descriptor) == 0
        let reason = String(cString: strerror(errno))
        close(descriptor)
        guard ok, rename(temporary, file) == 0 else {
            let renameReason = ok ? String(cString: strerror(errno)) : reason
            unlink(temporary)
            throw failure(renameReason)
        }
    }

    /// The permission bits of an existing file, or nil when there is none.
    public static func mode(of file: String) -> mode_t? {
        var info = stat()
        return stat(file, &info) == 0 ? info.st_mode & 0o777 : nil
    }
}
