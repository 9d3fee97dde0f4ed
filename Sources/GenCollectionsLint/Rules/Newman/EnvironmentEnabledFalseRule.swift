/// `"enabled": false` in an environment: Newman ignores it and uses the variable.
public struct EnvironmentEnabledFalseRule: LintRule {
    public static let description = RuleDescription(
        id: "environment-enabled-false", name: "Environment Enabled False", category: .newman,
        defaultSeverity: .warning,
        summary: "Newman ignores 'enabled: false' in environments and uses the variable anyway",
        explanation: """
            The Postman app exports a switched-off variable as `"enabled": false`, but Newman (postman-collection) \
            only honours `"disabled": true`, so the variable is used in CI (newman issues #2986, #1710). Remove the \
            variable, or add `"disabled": true` next to `"enabled": false`.
            """,
        passing: [
            Example(
                #"{"name": "Env", "values": [{"key": "a", "value": "1", "enabled": true}, {"key": "b", "value": "2", "enabled": false, "disabled": true}]}"#,
                .file("example.postman_environment.json"))
        ],
        failing: [
            Example(
                #"{"name": "Env", "values": [{"key": "token", "value": "", "enabled": ↓false}]}"#,
                .file("example.postman_environment.json"))
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.kind.isVariableScope else { return [] }
        let document = file.document
        return file.variableDefinitions.compactMap { definition in
            guard let enabled = document.member(definition.node, "enabled"), document.kind(enabled) == .false,
                !definition.disabled
            else { return nil }
            return file.finding(
                at: enabled, "variable '\(definition.name)' has \"enabled\": false, which newman ignores",
                hint: "remove the variable or add \"disabled\": true; newman only honours 'disabled'")
        }
    }
}
