/// `{{name}}` that nothing defines: Newman sends the literal text.
public struct UndefinedVariableRule: LintRule {
    public static let description = RuleDescription(
        id: "undefined-variable", name: "Undefined Variable", category: .variables, defaultSeverity: .warning,
        summary: "A '{{name}}' must be defined by the collection, an --env file or a script",
        explanation: """
            Newman leaves an unresolved `{{name}}` as literal text and sends the request anyway, which fails far \
            from the cause. A name counts as defined when the collection or one of its folders or requests defines \
            it, when an environment or globals file given with `--env` or linted in the same folder does, or when a \
            script sets it with `pm.environment.set`, `pm.collectionVariables.set`, `pm.globals.set` or \
            `pm.variables.set`. A script \
            that sets a computed name (`pm.environment.set(kind + "_id", …)`) defines every name that fits the \
            literal parts (here, names ending in `_id`); one whose name has no literal part at all may set any name, \
            so nothing is reported for that collection. Each name is reported once, at its first use.
            """,
        passing: [
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "variable": [{"key": "host", "value": "example.com"}], "item": [{"name": "R", "request": "https://{{host}}/a", "event": [{"listen": "test", "script": {"exec": ["pm.environment.set('id', pm.response.json().id);"]}}]}, {"name": "S", "request": "https://{{host}}/b/{{id}}?t={{token}}"}]}"#,
                .file("example.postman_collection.json"), environment: ["token"]),
            Example(
                #"[{"name": "Create", "request": "https://example.com/accounts", "event": [{"listen": "test", "script": {"exec": ["const kind = 'account';", "pm.environment.set(kind + \"_id\", pm.response.json().id);", "pm.environment.set(`${kind}_name`, pm.response.json().name);"]}}]}, {"name": "Get", "request": "https://example.com/accounts/{{account_id}}?n={{account_name}}"}]"#,
                .items),
        ],
        failing: [
            Example(#"{"url": "https://↓{{host}}/a/{{host}}?token=↓{{token}}"}"#),
            Example(
                #"[{"name": "Create", "request": "https://example.com/accounts", "event": [{"listen": "test", "script": {"exec": ["pm.environment.set(kind + \"_id\", 1);"]}}]}, {"name": "Get", "request": "https://example.com/accounts/{{account_id}}/↓{{account_name}}"}]"#,
                .items),
            Example(
                #"[{"name": "R", "request": "https://example.com/↓{{id}}", "event": [{"listen": "test", "disabled": true, "script": {"exec": ["pm.environment.set('id', 1);"]}}]}]"#,
                .items),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.isCollection else { return [] }
        // The run's environment sets are looked up where they are, not copied into a set per file.
        var defined = Set(file.variableDefinitions.map(\.name))
        defined.formUnion(file.scriptVariables.sets)
        let context = file.context
        func isDefined(_ name: String) -> Bool {
            defined.contains(name) || context.environmentVariables.contains(name)
                || context.disabledEnvironmentVariables.contains(name)
        }
        let computed = file.scriptVariables.computedSets
        // A set whose name is computed with no literal part may define anything.
        guard !computed.contains(where: { $0.prefix.isEmpty && $0.suffix.isEmpty }) else { return [] }
        var counts: [String: Int] = [:]
        for use in file.variableUses { counts[use.name, default: 0] += 1 }
        var reported: Set<String> = []
        let hint =
            file.context.hasEnvironment
            ? "define it in the collection's variables, the environment, or a script that runs earlier"
            : "pass the environment with --env FILE, or define it in the collection's variables"
        return file.variableUses.compactMap { use in
            guard !use.name.hasPrefix("$"), use.name.trimmingSpaces == use.name, !isDefined(use.name),
                !computed.contains(where: { $0.matches(use.name) }), reported.insert(use.name).inserted
            else { return nil }
            let times = counts[use.name, default: 1]
            let usage = times > 1 ? " (used \(times) times)" : ""
            return Finding(offset: use.offset, message: "variable '\(use.name)' is defined nowhere\(usage)", hint: hint)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (fast path: unchanged strings are returned).
    var trimmingSpaces: String {
        let utf8 = self.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(self[start...end])
    }

    /// Whether the string is empty or only spaces, tabs and newlines.
    var isBlank: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D } }
}
