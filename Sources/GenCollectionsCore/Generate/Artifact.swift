import Foundation
import GenCollectionsBase

/// One generated file: a path relative to the output folder and its bytes.
public struct Artifact: Sendable, Hashable {
    public var path: String
    public var contents: Data
    /// Written with mode 0755 (the runner script).
    public var executable: Bool
    /// Holds a secret value (an environment with a filled-in `secret`): written with mode 0600, and an existing
    /// file keeps its owner's bits but loses those of its group and of other users.
    public var isPrivate: Bool
    /// The value `contents` was written from, for the collection and the environment: `check` and `sync` compare
    /// it with the file on disk instead of reading the generator's own output back.
    public var json: JSONValue?

    public init(path: String, contents: Data, executable: Bool = false, isPrivate: Bool = false) {
        self.path = path
        self.contents = contents
        self.executable = executable
        self.isPrivate = isPrivate
    }

    /// A JSON file in the generator's layout.
    public init(path: String, json: JSONValue, isPrivate: Bool = false) {
        self.init(path: path, contents: json.data(.canonical), isPrivate: isPrivate)
        self.json = json
    }

    public init(path: String, text: String, executable: Bool = false) {
        self.init(path: path, contents: Data(text.utf8), executable: executable)
    }

    /// The file mode to write: the existing file's (without group and other bits when private), else the default.
    func mode(existing: mode_t?) -> mode_t {
        if let existing { return isPrivate ? existing & 0o700 : existing }
        return isPrivate ? 0o600 : executable ? 0o755 : 0o644
    }
}

extension Postman.Environment {
    /// Whether a variable typed `secret` has a value: the file is then written private.
    public var holdsSecretValue: Bool { values.contains { $0.type == "secret" && !($0.value ?? "").isEmpty } }
}
