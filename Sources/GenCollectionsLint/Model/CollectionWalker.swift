import GenCollectionsBase

/// Walks a collection's item tree with an explicit stack (folders nest without limit).
enum CollectionWalker {
    /// Folders and requests in document order, each knowing its folder.
    static func items(of document: JSONDocument, root: Int) -> [CollectionItem] {
        guard let top = document.member(root, "item") else { return [] }
        var items: [CollectionItem] = []
        // Pending item arrays with their owning folder; reversed pushes keep document order.
        var stack: [(elements: [Int], position: Int, parent: Int?)] = [(document.elements(top), 0, nil)]
        while !stack.isEmpty {
            let frame = stack.count - 1
            guard stack[frame].position < stack[frame].elements.count else {
                stack.removeLast()
                continue
            }
            let node = stack[frame].elements[stack[frame].position]
            stack[frame].position += 1
            guard document.kind(node) == .object else { continue }
            let nameNode = document.member(node, "name")
            let itemsNode = document.member(node, "item")
            let requestNode = document.member(node, "request")
            let isFolder = itemsNode != nil && requestNode == nil
            items.append(
                CollectionItem(
                    node: node, parent: stack[frame].parent, name: nameNode.flatMap { document.string($0) },
                    nameNode: nameNode, isFolder: isFolder, itemsNode: isFolder ? itemsNode : nil,
                    requestNode: isFolder ? nil : requestNode))
            if isFolder, let itemsNode {
                stack.append((document.elements(itemsNode), 0, items.count - 1))
            }
        }
        return items
    }

    /// The facts of one request value.
    static func facts(of node: Int, item: Int, in document: JSONDocument) -> RequestFacts {
        guard document.kind(node) == .object else {
            return RequestFacts(
                item: item, node: node, method: "GET", methodNode: nil, urlNode: node, headers: [],
                bodyNode: nil, authNode: nil)
        }
        let methodNode = document.member(node, "method")
        let method = methodNode.flatMap { document.string($0) }?.uppercased() ?? "GET"
        var headers: [Header] = []
        if let headerNode = document.member(node, "header") {
            for element in document.elements(headerNode) {
                guard let keyNode = document.member(element, "key"), let key = document.string(keyNode) else {
                    continue
                }
                let valueNode = document.member(element, "value")
                headers.append(
                    Header(
                        key: key, loweredKey: key.lowercased(), keyNode: keyNode,
                        value: valueNode.flatMap { document.string($0) },
                        valueNode: valueNode, disabled: document.isTrue(element, "disabled"), node: element))
            }
        }
        return RequestFacts(
            item: item, node: node, method: method, methodNode: methodNode,
            urlNode: document.member(node, "url"), headers: headers,
            bodyNode: document.member(node, "body"), authNode: document.member(node, "auth"))
    }

    /// Scripts of the collection and of every item.
    static func scripts(of document: JSONDocument, root: Int, items: [CollectionItem]) -> [Script] {
        var scripts = scripts(in: document.member(root, "event"), item: nil, document: document)
        for (index, item) in items.enumerated() {
            scripts += self.scripts(in: document.member(item.node, "event"), item: index, document: document)
        }
        return scripts
    }

    private static func scripts(in events: Int?, item: Int?, document: JSONDocument) -> [Script] {
        guard let events else { return [] }
        return document.elements(events).compactMap { event in
            guard let script = document.member(event, "script"), let exec = document.member(script, "exec") else {
                return nil
            }
            let lines = document.kind(exec) == .string ? [exec] : document.elements(exec)
            let text = lines.map { document.string($0) ?? "" }.joined(separator: "\n")
            return Script(
                listen: document.string(event, "listen") ?? "", eventNode: event, lineNodes: lines, text: text,
                item: item, disabled: document.isTrue(event, "disabled"))
        }
    }
}
