import GenCollectionsBase

/// A collection's items flattened for matching: every request and folder with the path of folders above it.
struct CollectionTree {
    /// A position in the tree: a folder or a request, by index.
    enum Child: Hashable {
        case folder(Int)
        case request(Int)
    }

    /// A folder or request of the tree. `parent` indexes `folders` (nil at the collection root).
    struct Node {
        /// The item as found.
        var value: JSONValue
        /// The folder holding it, by index; nil at the root.
        var parent: Int?
        /// The names of the folders above it, then its own.
        var names: [String]
        /// Its RFC 6901 pointer in the collection (`/item/2/item/0`), for positions in reports.
        var pointer: String
        /// A folder's items in order; empty for requests.
        var children: [Child] = []
        /// The item's `id`, if any.
        var id: String? { value["id"]?.text }
        /// The item's `name`.
        var name: String { value["name"]?.text ?? "" }
    }

    var folders: [Node] = []
    var requests: [Node] = []
    /// The collection's top-level items in order.
    var rootChildren: [Child] = []
    /// Entries of `item` arrays that are not objects, so neither folders nor requests (skipped).
    var skippedEntries = 0

    /// Flattens a collection document.
    init(_ collection: JSONValue) {
        rootChildren = walk(Postman.Collection(json: collection).items, parent: nil, names: [], pointer: "")
    }

    /// The items of a folder, or of the root for nil.
    func children(of folder: Int?) -> [Child] { folder.map { folders[$0].children } ?? rootChildren }

    private mutating func walk(_ items: [Postman.Item], parent: Int?, names: [String], pointer: String) -> [Child] {
        var children: [Child] = []
        for (position, item) in items.enumerated() {
            let pointer = "\(pointer)/item/\(position)"
            guard item.isObject else {
                skippedEntries += 1
                continue
            }
            let name = item.name ?? ""
            if let nested = item.items {
                folders.append(Node(value: item.json, parent: parent, names: names + [name], pointer: pointer))
                let index = folders.count - 1
                children.append(.folder(index))
                folders[index].children = walk(nested, parent: index, names: names + [name], pointer: pointer)
            } else {
                requests.append(Node(value: item.json, parent: parent, names: names + [name], pointer: pointer))
                children.append(.request(requests.count - 1))
            }
        }
        return children
    }
}

/// The parts of a request item that drift is reported on.
struct RequestView {
    /// Upper case; `GET` when absent.
    var method: String
    /// The raw URL text.
    var url: String
    /// Path variables (`url.variable`).
    var urlVariables: [JSONValue]
    /// Headers in order, with their `disabled` flag.
    var headers: [(key: String, value: String, disabled: Bool)]
    /// The members compared semantically.
    var body: JSONValue?
    var auth: JSONValue?
    var protocolProfileBehavior: JSONValue?

    /// The view of a request item.
    init(_ item: JSONValue) {
        let item = Postman.Item(json: item)
        let request = item.request ?? Postman.Request(json: .object([]))
        method = request.effectiveMethod
        url = request.url?.text ?? ""
        urlVariables = request.url?.variables?.map(\.json) ?? []
        headers = (request.header ?? []).map { ($0.key ?? "", $0.value ?? "", $0.isDisabled) }
        body = request.body?.json
        auth = request.auth?.json
        protocolProfileBehavior = item.protocolProfileBehavior
    }

    /// Scripts of an item by `listen` (`prerequest`, `test`), as lines, with their ids.
    static func scripts(_ item: JSONValue) -> [String: (lines: [String], id: String?)] {
        var scripts: [String: (lines: [String], id: String?)] = [:]
        for event in item["event"]?.items ?? [] {
            guard let listen = event["listen"]?.text else { continue }
            let lines = Postman.Event.lines(of: event["script"]?["exec"])
            scripts[listen] = (
                (scripts[listen]?.lines ?? []) + lines, scripts[listen]?.id ?? event["script"]?["id"]?.text
            )
        }
        return scripts
    }
}
