import Foundation

/// One generated file: a path relative to the output folder and its bytes.
public struct Artifact: Sendable, Hashable {
    public var path: String
    public var contents: Data
    /// Written with mode 0755 (the runner script).
    public var executable: Bool

    public init(path: String, contents: Data, executable: Bool = false) {
        self.path = path
        self.contents = contents
        self.executable = executable
    }

    public init(path: String, text: String, executable: Bool = false) {
        self.init(path: path, contents: Data(text.utf8), executable: executable)
    }
}
