/// A secret with a value in a committed environment file.
public struct SecretValueCommittedRule: LintRule {
    public static let description = RuleDescription(
        id: "secret-value-committed", name: "Secret Value Committed", category: .secrets, defaultSeverity: .error,
        summary: "Environment files must not carry secret values",
        explanation: """
            An environment or globals file in the repository with a value for a secret (a variable typed `secret` or \
            named like one) leaks it to everyone who can read the repository. Commit the file with empty secret \
            values and fill them in CI with `--env-var name=value` from the CI's secret store; rotate the leaked value. \
            Placeholders are not values: `CONSTANT: PSU USER PASSWORD`, `<password>`, `YOUR_TOKEN`, numbers and \
            booleans (`tokenLifetime: 3600`). A file only its owner can read (mode 0600, as `generate --env` and \
            `fetch-env` write files that hold secrets) is a local working copy, not a committed one (a checkout \
            with the usual umask never has that mode), so it is not reported; keep such files out of the repository.
            """,
        passing: [
            Example(
                #"{"name": "Env", "values": [{"key": "clientSecret", "value": "", "type": "secret"}, {"key": "basicToken", "value": "{{fromCI}}", "type": "secret"}]}"#,
                .file("example.postman_environment.json")),
            Example(
                #"{"name": "Env", "values": [{"key": "psuPassword", "value": "CONSTANT: PSU USER PASSWORD", "type": "secret"}, {"key": "apiKey", "value": "<API Key>", "type": "secret"}, {"key": "accessTokenLifetime", "value": "3600"}]}"#,
                .file("example.postman_environment.json")),
        ],
        failing: [
            Example(
                #"{"name": "Env", "values": [{"key": "clientSecret", "value": ↓"s3cr3t", "type": "secret"}, {"key": "x", "value": ↓"abc", "type": "secret"}]}"#,
                .file("example.postman_environment.json"))
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.kind.isVariableScope, file.context.isPrivate?(file.path) != true else { return [] }
        let document = file.document
        return file.variableDefinitions.compactMap { definition in
            guard
                document.string(definition.node, "type") == "secret" || SecretHeuristics.isSecretName(definition.name),
                let valueNode = document.member(definition.node, "value"), let value = document.string(valueNode),
                SecretHeuristics.isLiteralSecret(value)
            else { return nil }
            return file.finding(
                at: valueNode, "secret variable '\(definition.name)' has a value committed in this file",
                hint: "leave it empty and pass it in CI with --env-var \(definition.name)=…; rotate the leaked value")
        }
    }
}
