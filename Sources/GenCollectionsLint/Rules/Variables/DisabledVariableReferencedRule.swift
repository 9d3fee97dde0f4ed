/// `{{name}}` whose only definitions are disabled.
public struct DisabledVariableReferencedRule: LintRule {
    public static let description = RuleDescription(
        id: "disabled-variable-referenced", name: "Disabled Variable Referenced", category: .variables,
        defaultSeverity: .warning,
        summary: "A '{{name}}' whose only definitions are disabled",
        explanation: """
            Newman skips a variable with `"disabled": true` and looks in the next scope; when no scope has an \
            enabled definition, the literal `{{name}}` is sent. Enable the variable or stop using it.
            """,
        passing: [
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [{"key": "host", "value": "a", "disabled": true}], "item": [{"name": "R", "request": "https://{{host}}/a"}]}"#,
                .file("example.postman_collection.json"), environment: ["host"])
        ],
        failing: [
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [{"key": "host", "value": "a", "disabled": true}], "item": [{"name": "R", "request": "https://↓{{host}}/a"}]}"#,
                .file("example.postman_collection.json"))
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.isCollection else { return [] }
        // The run's environment sets are looked up where they are, not copied into a set per file.
        let context = file.context
        let enabled = Set(file.variableDefinitions.filter { !$0.disabled }.map(\.name))
            .union(file.scriptVariables.sets)
        let disabled = Set(file.variableDefinitions.filter(\.disabled).map(\.name))
        var reported: Set<String> = []
        return file.variableUses.compactMap { use in
            guard disabled.contains(use.name) || context.disabledEnvironmentVariables.contains(use.name),
                !enabled.contains(use.name), !context.environmentVariables.contains(use.name),
                reported.insert(use.name).inserted
            else {
                return nil
            }
            return Finding(
                offset: use.offset, message: "variable '\(use.name)' is used but every definition of it is disabled",
                hint: "enable the variable (remove \"disabled\": true) or stop using it")
        }
    }
}
