/// A folder with no requests.
public struct EmptyFolderRule: LintRule {
    public static let description = RuleDescription(
        id: "empty-folder", name: "Empty Folder", category: .structure, defaultSeverity: .warning,
        summary: "Folders should contain at least one item",
        explanation: """
            An empty folder runs nothing: `newman run --folder` on it passes without sending a request, which hides \
            a broken export or a deleted flow. Remove it or add its requests.
            """,
        passing: [Example(#"[{"name": "F", "item": [{"name": "R", "request": "https://example.com"}]}]"#, .items)],
        failing: [Example(#"[{"name": "F", "item": ↓[]}]"#, .items)])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        file.items.compactMap { item in
            guard item.isFolder, let items = item.itemsNode, file.document.kind(items) == .array,
                file.document.elements(items).isEmpty
            else { return nil }
            return file.finding(
                at: items, "folder '\(item.name ?? "")' is empty", hint: "remove the folder or add its requests")
        }
    }
}
