/// A request without a test script passes in Newman whatever the server answers.
public struct MissingTestScriptRule: LintRule {
    public static let description = RuleDescription(
        id: "missing-test-script", name: "Missing Test Script", category: .structure, defaultSeverity: .warning,
        summary: "Every request should have a test script",
        explanation: """
            Newman fails a run only on failed assertions or errors; a request without a `test` script passes even \
            when the server answers 500. Add at least `pm.test('status', () => pm.response.to.have.status(200));`. \
            A test script on an enclosing folder or on the collection counts; a disabled one (`"disabled": true`) \
            does not, since Newman skips it.
            """,
        passing: [
            Example(
                #"[{"name": "R", "request": "https://example.com", "event": [{"listen": "test", "script": {"exec": ["pm.test('ok', () => pm.response.to.have.status(200));"]}}]}]"#,
                .items)
        ],
        failing: [
            Example(
                #"[{"name": ↓"R", "request": "https://example.com", "event": [{"listen": "test", "script": {"exec": [""]}}]}]"#,
                .items),
            Example(
                #"[{"name": ↓"R", "request": "https://example.com", "event": [{"listen": "test", "disabled": true, "script": {"exec": ["pm.test('ok', () => pm.response.to.have.status(200));"]}}]}]"#,
                .items),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        var hasTests = Array(repeating: false, count: file.items.count)
        var collectionHasTests = false
        for script in file.scripts where script.listen == "test" && !script.disabled && !script.text.isBlank {
            if let item = script.item { hasTests[item] = true } else { collectionHasTests = true }
        }
        guard !collectionHasTests else { return [] }
        // Folders come before their contents, so one forward pass inherits a folder's tests.
        for index in file.items.indices where !hasTests[index] {
            if let parent = file.items[index].parent, hasTests[parent] { hasTests[index] = true }
        }
        return file.items.indices.compactMap { index in
            let item = file.items[index]
            guard !item.isFolder, !hasTests[index] else { return nil }
            return file.finding(
                at: item.nameNode ?? item.node, "request '\(item.name ?? "")' has no test script",
                hint: "add a test event that checks at least the status code")
        }
    }
}
