/// A secret-looking environment variable not typed `secret`.
public struct SecretNotTypedRule: LintRule {
    public static let description = RuleDescription(
        id: "secret-not-typed", name: "Secret Not Typed", category: .secrets, defaultSeverity: .warning,
        summary: "Secret-looking environment variables should be typed 'secret'",
        explanation: """
            Postman masks variables typed `secret` on screen and in shared workspaces. A variable named like a \
            secret (`clientSecret`, `accessToken`, `password`, `basicToken`, `apiKey`, ...) typed `default` shows \
            its value to anyone looking over your shoulder or at a screen share. Set `"type": "secret"`.
            """,
        passing: [
            Example(
                #"{"name": "Env", "values": [{"key": "clientSecret", "value": "", "type": "secret"}, {"key": "tokenEndpoint", "value": "https://example.com/token", "type": "default"}]}"#,
                .file("example.postman_environment.json"))
        ],
        failing: [
            Example(
                #"{"name": "Env", "values": [{"key": ↓"accessToken", "value": "", "type": "default"}, {"key": ↓"password", "value": ""}]}"#,
                .file("example.postman_environment.json"))
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.kind.isVariableScope else { return [] }
        return file.variableDefinitions.compactMap { definition in
            guard SecretHeuristics.isSecretName(definition.name),
                file.document.string(definition.node, "type") != "secret"
            else { return nil }
            return file.finding(
                at: definition.keyNode, "variable '\(definition.name)' looks secret but is not typed 'secret'",
                hint: "set \"type\": \"secret\" so postman masks it")
        }
    }
}
