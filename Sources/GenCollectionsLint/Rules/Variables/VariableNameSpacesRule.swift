/// `{{ name }}`: Newman does not trim names, so the token never resolves.
public struct VariableNameSpacesRule: LintRule {
    public static let description = RuleDescription(
        id: "variable-name-spaces", name: "Variable Name Spaces", category: .variables, defaultSeverity: .warning,
        summary: "'{{ name }}' with spaces never resolves",
        explanation: """
            postman-collection uses the text between the braces verbatim, so `{{ baseUrl }}` looks up a variable \
            named " baseUrl " and stays unresolved. Remove the spaces.
            """,
        passing: [Example(#"{"url": "https://{{host}}/a"}"#, environment: ["host"])],
        failing: [
            Example(#"{"url": "https://↓{{ host }}/a"}"#, environment: ["host"]),
            Example(
                #"{"url": "https://example.com", "header": [{"key": "x-fapi-interaction-id", "value": "↓{{$guid }}"}]}"#
            ),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        file.variableUses.compactMap { use in
            let trimmed = use.name.trimmingSpaces
            guard trimmed != use.name, !trimmed.isEmpty else { return nil }
            return Finding(
                offset: use.offset, message: "'{{\(use.name)}}' never resolves: newman does not trim variable names",
                hint: "write '{{\(trimmed)}}'")
        }
    }
}
