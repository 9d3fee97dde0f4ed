/// The Monese sandbox spec compiled into the binary: what `gen-collections` with no arguments generates and what
/// `gen-collections init` writes.
public enum DefaultSpec {
    /// The path used in diagnostics and by `init`.
    public static let fileName = "monese-sandbox.yaml"

    public static var text: String { EmbeddedResources.files["specs/monese-sandbox.yaml"]! }

    /// Loads the embedded spec; it is tested to load without errors.
    public static func load() throws -> Spec {
        try SpecLoader.load(text, file: "<embedded>/\(fileName)").spec
    }
}
