/// A collection variable nothing reads.
public struct UnusedVariableRule: LintRule {
    public static let description = RuleDescription(
        id: "unused-variable", name: "Unused Variable", category: .variables, defaultSeverity: .warning,
        summary: "A collection variable should be used somewhere",
        explanation: """
            A collection (or folder, or request) variable that no URL, header, body, auth, other variable or script \
            uses is dead weight, and often a leftover from a rename, which means the new name may be undefined. \
            Remove it or use it. A nested reference such as `{{baseUrl_{{stage}}}}` uses every variable whose name \
            starts with `baseUrl_`, since Newman resolves the inner name first.
            """,
        passing: [
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [{"key": "stage", "value": "dev"}, {"key": "baseUrl_dev", "value": "https://dev.example.com"}, {"key": "baseUrl_prod", "value": "https://example.com"}], "item": [{"name": "R", "request": "{{baseUrl_{{stage}}}}/a"}]}"#,
                .file("example.postman_collection.json")),
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [{"key": "host", "value": "example.com"}, {"key": "id", "value": "1"}], "item": [{"name": "R", "request": "https://{{host}}/a", "event": [{"listen": "test", "script": {"exec": ["pm.expect(pm.collectionVariables.get('id')).to.eql('1');"]}}]}]}"#,
                .file("example.postman_collection.json")),
        ],
        failing: [
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [{"key": ↓"baseUrl", "value": "https://example.com"}], "item": [{"name": "R", "request": "https://example.com/a"}]}"#,
                .file("example.postman_collection.json"))
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.isCollection else { return [] }
        var used = Set(file.variableUses.map(\.name))
        used.formUnion(file.scriptVariables.reads)
        let patterns = file.variableUses.compactMap(\.enclosing) + file.scriptVariables.readPatterns
        return file.variableDefinitions.compactMap { definition in
            guard !used.contains(definition.name), !patterns.contains(where: { $0.matches(definition.name) }) else {
                return nil
            }
            return file.finding(
                at: definition.keyNode, "variable '\(definition.name)' is defined but never used",
                hint: "remove it, or check the name of the variable you meant to use")
        }
    }
}
