import GenCollectionsBase

/// Semantic comparison of a generated collection with a collection file, per folder, request and field.
struct CollectionComparison {
    /// The file name, for findings.
    let file: String
    /// The generated collection and the file's, parsed.
    let generated: JSONValue
    let disk: JSONValue
    /// Both collections flattened.
    let generatedTree: CollectionTree
    let diskTree: CollectionTree
    /// For each generated folder / request, the matching file node (see `ItemMatcher`).
    let folderMatches: [Int?]
    let requestMatches: [Int?]

    /// Flattens and matches both collections.
    init(file: String, generated: JSONValue, disk: JSONValue) {
        self.file = file
        self.generated = generated
        self.disk = disk
        generatedTree = CollectionTree(generated)
        diskTree = CollectionTree(disk)
        folderMatches = ItemMatcher.matchFolders(generated: generatedTree, file: diskTree)
        requestMatches = ItemMatcher.matchRequests(generated: generatedTree, file: diskTree)
    }

    /// Collection, folder and request findings, then the file items the spec does not produce.
    func findings() -> [Drift.Finding] {
        var root = ItemComparison(file: file, location: [], pointer: "")
        let (specInfo, diskInfo) = (generated["info"] ?? .object([]), disk["info"] ?? .object([]))
        root.compareName(generated: specInfo, file: diskInfo)
        // The Postman app may drop `info.version` on export: only a different one is drift.
        for key in ["schema", "version"]
        where specInfo[key] != diskInfo[key] && !(key == "version" && diskInfo[key] == nil) {
            root.add(
                key, .changed,
                "\(ItemComparison.quote(diskInfo[key]?.text ?? "")) in the file, "
                    + "\(ItemComparison.quote(specInfo[key]?.text ?? "")) from the spec")
        }
        root.compareDescription(generated: specInfo["description"], file: diskInfo["description"])
        root.compareScripts(generated: generated, file: disk)
        compareVariables(&root)
        if !PostmanNormalization.equal(generated["auth"], disk["auth"]) { root.add("auth", .changed) }
        var findings = root.findings

        for (index, node) in generatedTree.folders.enumerated() {
            var item = ItemComparison(file: file, location: node.names)
            guard let match = folderMatches[index] else {
                item.add("folder", .added)
                findings += item.findings
                continue
            }
            let found = diskTree.folders[match]
            item.pointer = found.pointer
            item.compareName(generated: node.value, file: found.value)
            item.compareDescription(generated: node.value["description"], file: found.value["description"])
            item.compareScripts(generated: node.value, file: found.value)
            if !PostmanNormalization.equal(node.value["auth"], found.value["auth"]) { item.add("auth", .changed) }
            findings += item.findings
        }
        for (index, node) in generatedTree.requests.enumerated() {
            var item = ItemComparison(file: file, location: node.names)
            guard let match = requestMatches[index] else {
                item.add("request", .added, RequestView(node.value).method + " " + RequestView(node.value).url)
                findings += item.findings
                continue
            }
            let found = diskTree.requests[match]
            item.pointer = found.pointer
            if found.names.dropLast() != node.names.dropLast() {
                item.add(
                    "folder", .changed,
                    "in \(ItemComparison.quote(found.names.dropLast().joined(separator: " / "))) in the file")
            }
            item.compareName(generated: node.value, file: found.value)
            item.compareDescription(generated: node.value["description"], file: Self.requestDescription(found.value))
            item.compareRequest(generated: node.value, file: found.value)
            item.compareScripts(generated: node.value, file: found.value)
            findings += item.findings
        }
        if diskTree.skippedEntries > 0 {
            findings.append(
                .init(
                    file: file, field: "item", change: .changed,
                    detail: "\(diskTree.skippedEntries) entries are not Postman items"))
        }
        findings += unmatchedFindings()
        return findings
    }

    /// A request's description: the item's, or the request's, where the Postman app keeps it on export.
    static func requestDescription(_ item: JSONValue) -> JSONValue? {
        PostmanNormalization.description(item["description"]) != nil
            ? item["description"] : item["request"]?["description"]
    }

    /// File items the spec does not produce: generated earlier (a version 5 id) means the spec removed them;
    /// anything else is the user's own and is kept.
    private func unmatchedFindings() -> [Drift.Finding] {
        var findings: [Drift.Finding] = []
        let matchedFolders = Set(folderMatches.compactMap { $0 })
        let matchedRequests = Set(requestMatches.compactMap { $0 })
        for (index, node) in diskTree.folders.enumerated() where !matchedFolders.contains(index) {
            findings.append(unmatched(node, kind: "folder"))
        }
        for (index, node) in diskTree.requests.enumerated() where !matchedRequests.contains(index) {
            findings.append(unmatched(node, kind: "request"))
        }
        return findings
    }

    private func unmatched(_ node: CollectionTree.Node, kind: String) -> Drift.Finding {
        if PostmanNormalization.wasGenerated(node.value) {
            return Drift.Finding(
                file: file, location: node.names, field: kind, change: .removed, detail: "no longer in the spec",
                pointer: node.pointer)
        }
        return Drift.Finding(
            file: file, location: node.names, field: kind, change: .kept, detail: "the user's own, not in the spec",
            pointer: node.pointer)
    }

    private func compareVariables(_ root: inout ItemComparison) {
        let spec = generated["variable"]?.items ?? []
        let found = disk["variable"]?.items ?? []
        for variable in spec {
            let key = variable["key"]?.text ?? ""
            guard let match = found.first(where: { $0["key"]?.text == key }) else {
                root.add("variable \(key)", .added)
                continue
            }
            if !PostmanNormalization.equal(variable["value"], match["value"]) { root.add("variable \(key)", .changed) }
        }
        for variable in found where !spec.contains(where: { $0["key"] == variable["key"] }) {
            root.add("variable \(variable["key"]?.text ?? "")", .kept, "the user's own, not in the spec")
        }
    }
}
