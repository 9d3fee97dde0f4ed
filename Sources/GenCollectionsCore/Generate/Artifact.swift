import Foundation
import GenCollectionsBase

/// One generated file: a path relative to the output folder and its bytes.
public struct Artifact: Sendable, Hashable {
    public var path: String
    /// The file's bytes; empty when `stream` makes them.
    public var contents: Data
    /// Writes the file's bytes to its open descriptor as they are made, in place of `contents` (returning the
    /// first failed write): `generate`'s collection is translated folder by folder on its way to disk.
    public var stream: (@Sendable (_ descriptor: Int32) -> SystemError?)?
    /// Written with mode 0755 (the runner script).
    public var executable: Bool
    /// Holds a secret value (an environment with a filled-in `secret`): written with mode 0600, and an existing
    /// file keeps its owner's bits but loses those of its group and of other users.
    public var isPrivate: Bool
    /// The value `contents` was written from, for the collection and the environment: `check` and `sync` compare
    /// it with the file on disk instead of reading the generator's own output back.
    public var json: JSONValue?
    /// Makes that value when it is not kept (the collection, whose value is large): `check` and `sync` ask for it
    /// only when the file on disk is not byte for byte the generated one.
    public var makeJSON: (@Sendable () -> JSONValue)?

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

    /// A file whose bytes `stream` writes as they are made.
    public init(
        path: String, isPrivate: Bool = false, stream: @escaping @Sendable (_ descriptor: Int32) -> SystemError?
    ) {
        self.init(path: path, contents: Data(), isPrivate: isPrivate)
        self.stream = stream
    }

    public init(path: String, text: String, executable: Bool = false) {
        self.init(path: path, contents: Data(text.utf8), executable: executable)
    }

    /// Equal files hold the same bytes and values under the same path and modes; streamed ones, whose bytes are
    /// made only as they are written, compare by everything else.
    public static func == (left: Artifact, right: Artifact) -> Bool {
        left.path == right.path && left.contents == right.contents && left.executable == right.executable
            && left.isPrivate == right.isPrivate && left.json == right.json
            && (left.stream == nil) == (right.stream == nil)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
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
