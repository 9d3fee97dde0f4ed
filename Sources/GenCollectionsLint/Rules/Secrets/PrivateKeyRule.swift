/// A PEM private key anywhere in a file, scripts included.
public struct PrivateKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "private-key", name: "Private Key", category: .secrets, defaultSeverity: .error,
        summary: "No PEM private key may be committed in a Postman file",
        explanation: """
            A `-----BEGIN ... PRIVATE KEY-----` block in a collection, environment or script is a committed secret: \
            anyone with read access to the repository can impersonate the client. Keep keys in files outside the \
            repository (Newman takes them with `--ssl-client-cert-list`) or in CI secrets, and revoke the \
            committed key.
            """,
        passing: [Example(#"{"url": "https://example.com", "body": {"mode": "raw", "raw": "{{signingKey}}"}}"#)],
        failing: [
            Example(
                #"{"url": "https://example.com", "body": {"mode": "raw", "raw": "↓-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----"}}"#
            ),
            Example(
                #"{"name": "Env", "values": [{"key": "k", "value": "x ↓-----BEGIN RSA PRIVATE KEY-----\nMIIE", "type": "secret"}]}"#,
                .file("example.postman_environment.json")),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        file.secretMatches.compactMap { match in
            guard match.kind == .privateKey else { return nil }
            return Finding(
                offset: match.offset, message: "a PEM private key is committed in this file",
                hint: "move the key out of the repository, reference it by path or variable, and revoke it")
        }
    }
}
