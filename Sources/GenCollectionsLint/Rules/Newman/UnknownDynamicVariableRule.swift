/// `{{$name}}` that is not one of Postman's dynamic variables stays literal in the request.
public struct UnknownDynamicVariableRule: LintRule {
    public static let description = RuleDescription(
        id: "unknown-dynamic-variable", name: "Unknown Dynamic Variable", category: .newman, defaultSeverity: .error,
        summary: "A '{{$name}}' must be one of Postman's dynamic variables",
        explanation: """
            Names starting with `$` are generated at send time (`$guid`, `$timestamp` in seconds, `$isoTimestamp`, \
            `$randomUUID`, ...; 118 in postman-collection 4.4). An unknown one (often a typo such as `$uuid`) is sent \
            as the literal text `{{$uuid}}`. Use a listed name, or define a variable with that name.
            """,
        passing: [
            Example(
                #"{"url": "https://example.com", "header": [{"key": "x-fapi-interaction-id", "value": "{{$guid}}"}, {"key": "t", "value": "{{$timestamp}}"}]}"#
            ),
            Example(
                #"{"url": "https://example.com", "header": [{"key": "x-fapi-interaction-id", "value": "{{$guid }}"}]}"#),
        ],
        failing: [
            Example(
                #"{"url": "https://example.com", "header": [{"key": "x-fapi-interaction-id", "value": "↓{{$uuid}}"}]}"#)
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let defined = Set(file.variableDefinitions.map(\.name))
        let environment = file.context.environmentVariables
        return file.variableUses.compactMap { use in
            // `{{$guid }}` is variable-name-spaces' finding, not a second one here.
            guard use.name.hasPrefix("$"), use.name.trimmingSpaces == use.name,
                !DynamicVariables.names.contains(use.name), !defined.contains(use.name),
                !environment.contains(use.name)
            else {
                return nil
            }
            let suggestion = DynamicVariables.closest(to: use.name).map { "; did you mean '{{\($0)}}'?" } ?? ""
            return Finding(
                offset: use.offset, message: "unknown dynamic variable '{{\(use.name)}}' is sent as literal text",
                hint: "use one of postman's dynamic variables (see docs/lint.md)\(suggestion)")
        }
    }
}
