/// The same variable twice in one list: the last enabled one wins, silently.
public struct DuplicateVariableRule: LintRule {
    public static let description = RuleDescription(
        id: "duplicate-variable", name: "Duplicate Variable", category: .variables, defaultSeverity: .warning,
        summary: "A variable list must not define the same key twice",
        explanation: """
            When a collection's `variable` list or an environment's `values` has the same key twice, \
            postman-collection keeps the last enabled one and ignores the others, so editing the first has no \
            effect, and the Postman app shows both. Keep one.
            """,
        passing: [
            Example(
                #"{"name": "Env", "values": [{"key": "a", "value": "1"}, {"key": "b", "value": "2"}]}"#,
                .file("example.postman_environment.json"))
        ],
        failing: [
            Example(
                #"{"name": "Env", "values": [{"key": "a", "value": "1"}, {"key": ↓"a", "value": "2"}]}"#,
                .file("example.postman_environment.json")),
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [{"key": "host", "value": "a"}, {"key": ↓"host", "value": "b"}], "item": [{"name": "R", "request": "https://{{host}}"}]}"#,
                .file("example.postman_collection.json")),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        var seen: [Int: Set<String>] = [:]  // per list node
        var findings: [Finding] = []
        for definition in file.variableDefinitions where !definition.name.isEmpty {
            let list = document.parent(definition.node) ?? -1
            if !seen[list, default: []].insert(definition.name).inserted {
                findings.append(
                    file.finding(
                        at: definition.keyNode, "variable '\(definition.name)' is defined twice in this list",
                        hint: "keep one definition: newman uses the last enabled one"))
            }
        }
        return findings
    }
}
