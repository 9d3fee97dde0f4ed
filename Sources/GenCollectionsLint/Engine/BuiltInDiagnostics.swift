/// Diagnostics the linter reports outside the rules (they cannot be disabled).
public enum BuiltInDiagnostics {
    /// `(id, summary)` pairs, for docs and SARIF.
    public static let all: [(id: String, summary: String)] = [
        ("json-syntax", "The file is not RFC 8259 JSON (newman's JSON.parse rejects it)"),
        ("json-encoding", "The file is UTF-16 or UTF-32; newman reads UTF-8"),
        ("postman-v1-unsupported", "Collection format v1 is not supported; re-export as v2.1"),
        ("postman-unknown-file", "A JSON file that is no collection, environment, globals or certificate list"),
        ("lint-unreadable", "An input path does not exist or cannot be read"),
        ("lint-no-files", "The paths hold no file to lint"),
        ("lint-env-not-environment", "A file given with --env is not an environment or globals file"),
        ("lint-suppression", "An inline suppression without a reason or with an unknown rule id"),
        ("lint-baseline", "The baseline file cannot be read or written"),
        ("config-unknown-key", "The configuration file has a key this version does not know"),
        ("config-unknown-rule", "The configuration file names a rule that does not exist"),
        ("config-invalid", "The configuration file has a value of the wrong type"),
        ("config-yaml-syntax", "The configuration file is not valid YAML"),
    ]
}
