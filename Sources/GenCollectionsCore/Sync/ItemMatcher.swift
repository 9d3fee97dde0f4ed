/// Pairs the generated requests and folders with the file's. A request is matched, in this order, by:
/// 1. its item `id` (derived from the spec name and the step's stable key, so a renamed step keeps it);
/// 2. the id of one of its scripts (`…/step/<key>/test`, `…/prerequest`): the Postman app may drop item ids on
///    export but keeps script ids;
/// 3. its name in a folder of the same name (an export with no ids at all);
/// 4. its method and URL: a step whose key changed (a true rename) but still calls the same endpoint.
/// Each file item is matched at most once; earlier rules win over later ones for the whole collection.
/// Folders are matched by id, then by name.
enum ItemMatcher {
    /// For each generated node, the index of the file node it matches, or nil.
    static func matchRequests(generated: CollectionTree, file: CollectionTree) -> [Int?] {
        let rules: [(CollectionTree.Node) -> [String]] = [
            { $0.id.map { [$0] } ?? [] },
            { RequestView.scripts($0.value).values.compactMap(\.id) },
            { [$0.names.joined(separator: "\u{0}")] },
            { node in
                let view = RequestView(node.value)
                return [view.method + " " + view.url]
            },
        ]
        return match(generated.requests, file.requests, rules: rules)
    }

    /// For each generated folder, the index of the file folder it matches, or nil.
    static func matchFolders(generated: CollectionTree, file: CollectionTree) -> [Int?] {
        match(
            generated.folders, file.folders,
            rules: [
                { $0.id.map { [$0] } ?? [] },
                { [$0.names.joined(separator: "\u{0}")] },
            ])
    }

    /// Each rule gives a node's match keys; a generated node takes the first free file node sharing a key.
    /// Keys are indexed once per rule, so matching stays linear in the number of items.
    private static func match(
        _ generated: [CollectionTree.Node], _ file: [CollectionTree.Node],
        rules: [(CollectionTree.Node) -> [String]]
    ) -> [Int?] {
        var result = [Int?](repeating: nil, count: generated.count)
        var taken = Set<Int>()
        for rule in rules {
            var byKey: [String: [Int]] = [:]
            for (index, node) in file.enumerated() where !taken.contains(index) {
                for key in Set(rule(node)) { byKey[key, default: []].append(index) }
            }
            for (index, node) in generated.enumerated() where result[index] == nil {
                let candidates = rule(node).flatMap { byKey[$0] ?? [] }.filter { !taken.contains($0) }
                if let found = candidates.min() {
                    result[index] = found
                    taken.insert(found)
                }
            }
        }
        return result
    }
}
