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
        let rules: [(CollectionTree.Node, CollectionTree.Node) -> Bool] = [
            { $0.id != nil && $0.id == $1.id },
            { generated, file in
                let ids = Set(RequestView.scripts(generated.value).values.compactMap(\.id))
                return !ids.isDisjoint(with: RequestView.scripts(file.value).values.compactMap(\.id))
            },
            { $0.names == $1.names },
            { a, b in
                let (x, y) = (RequestView(a.value), RequestView(b.value))
                return x.method == y.method && x.url == y.url
            },
        ]
        return match(generated.requests, file.requests, rules: rules)
    }

    static func matchFolders(generated: CollectionTree, file: CollectionTree) -> [Int?] {
        match(generated.folders, file.folders, rules: [
            { $0.id != nil && $0.id == $1.id },
            { $0.names == $1.names },
        ])
    }

    private static func match(_ generated: [CollectionTree.Node], _ file: [CollectionTree.Node],
                              rules: [(CollectionTree.Node, CollectionTree.Node) -> Bool]) -> [Int?] {
        var result = [Int?](repeating: nil, count: generated.count)
        var taken = Set<Int>()
        for rule in rules {
            for (index, node) in generated.enumerated() where result[index] == nil {
                if let found = file.indices.first(where: { !taken.contains($0) && rule(node, file[$0]) }) {
                    result[index] = found
                    taken.insert(found)
                }
            }
        }
        return result
    }
}
