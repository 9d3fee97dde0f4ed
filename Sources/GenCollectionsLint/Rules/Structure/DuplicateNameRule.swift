/// Siblings with the same name: `--folder` picks the first, and reports mix them up.
public struct DuplicateNameRule: LintRule {
    public static let description = RuleDescription(
        id: "duplicate-name", name: "Duplicate Name", category: .structure, defaultSeverity: .error,
        summary: "Folders and requests in the same folder must have distinct names",
        explanation: """
            `newman run --folder NAME` runs the first item with that name, so a duplicate can never be selected; \
            JUnit and HTML reports also merge or confuse results with the same name. Rename one of them.
            """,
        passing: [
            Example(
                #"[{"name": "Accounts", "item": [{"name": "Get", "request": "https://example.com/a"}]}, {"name": "Balances", "item": [{"name": "Get", "request": "https://example.com/b"}]}]"#,
                .items)
        ],
        failing: [
            Example(
                #"[{"name": "Get", "request": "https://example.com/a"}, {"name": ↓"Get", "request": "https://example.com/b"}]"#,
                .items)
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        var seen: Set<[String]> = []
        var findings: [Finding] = []
        for item in file.items {
            guard let name = item.name, let node = item.nameNode else { continue }
            let key = [item.parent.map(String.init) ?? "", name]
            if !seen.insert(key).inserted {
                let place =
                    item.parent.flatMap { file.items[$0].name }.map { "folder '\($0)'" } ?? "the collection's top level"
                findings.append(
                    file.finding(
                        at: node, "duplicate name '\(name)' in \(place)",
                        hint: "rename it: newman --folder and run reports select items by name"))
            }
        }
        return findings
    }
}
