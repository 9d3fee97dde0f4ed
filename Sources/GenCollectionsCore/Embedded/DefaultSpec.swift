/// The default bank's spec (`BundledBank.default`): what `gen-collections` with no arguments generates.
public enum DefaultSpec {
    /// The file `init` writes without a path.
    public static var fileName: String { BundledBank.default.fileName }

    public static var text: String { BundledBank.default.text }

    /// Loads the default spec; it is tested to load without errors.
    public static func load() throws -> Spec { try BundledBank.default.load() }
}
