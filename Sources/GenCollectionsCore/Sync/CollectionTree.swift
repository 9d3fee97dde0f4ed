/// A collection's items flattened for matching: every request and folder with the path of folders above it.
struct CollectionTree {
    /// A position in the tree: a folder or a request, by index.
    enum Child: Hashable {
        case folder(Int)
        case request(Int)
    }

    /// A folder or request of the tree. `parent` indexes `folders` (nil at the collection root).
    struct Node {
        var value: JSONValue
        var parent: Int?
        var names: [String]
        /// A folder's items in order; empty for requests.
        var children: [Child] = []
        var id: String? { value["id"]?.text }
        var name: String { value["name"]?.text ?? "" }
    }

    var folders: [Node] = []
    var requests: [Node] = []
    /// The collection's top-level items in order.
    var rootChildren: [Child] = []

    init(_ collection: JSONValue) {
        rootChildren = walk(collection["item"]?.items ?? [], parent: nil, names: [])
    }

    func children(of folder: Int?) -> [Child] { folder.map { folders[$0].children } ?? rootChildren }

    private mutating func walk(_ items: [JSONValue], parent: Int?, names: [String]) -> [Child] {
        var children: [Child] = []
        for item in items {
            let name = item["name"]?.text ?? ""
            if let nested = item["item"]?.items {
                folders.append(Node(value: item, parent: parent, names: names + [name]))
                let index = folders.count - 1
                children.append(.folder(index))
                folders[index].children = walk(nested, parent: index, names: names + [name])
            } else {
                requests.append(Node(value: item, parent: parent, names: names + [name]))
                children.append(.request(requests.count - 1))
            }
        }
        return children
    }
}

/// The parts of a request item that drift is reported on.
struct RequestView {
    var method: String
    var url: String
    var urlVariables: [JSONValue]
    var headers: [(key: String, value: String, disabled: Bool)]
    var body: JSONValue?
    var auth: JSONValue?
    var protocolProfileBehavior: JSONValue?

    init(_ item: JSONValue) {
        // v2.1 allows a request to be only its URL.
        let request = item["request"] ?? .object([])
        if let url = request.text {
            self.init(method: "GET", url: url, request: .object([]))
        } else {
            self.init(method: request["method"]?.text?.uppercased() ?? "GET", url: RequestView.rawURL(request["url"]),
                      request: request)
        }
        protocolProfileBehavior = item["protocolProfileBehavior"]
    }

    private init(method: String, url: String, request: JSONValue) {
        self.method = method
        self.url = url
        urlVariables = request["url"]?["variable"]?.items ?? []
        headers = (request["header"]?.items ?? []).map { header in
            (header["key"]?.text ?? "", header["value"]?.text ?? "", header["disabled"] == .bool(true))
        }
        body = request["body"]
        auth = request["auth"]
    }

    /// A URL's raw text: the string itself, the object's `raw`, or (without `raw`) one built from its parts.
    static func rawURL(_ url: JSONValue?) -> String {
        guard let url else { return "" }
        if let text = url.text { return text }
        if let raw = url["raw"]?.text { return raw }
        var out = url["protocol"]?.text.map { "\($0)://" } ?? ""
        out += (url["host"]?.items ?? []).compactMap(\.text).joined(separator: ".")
        if let port = url["port"]?.text { out += ":\(port)" }
        let path = (url["path"]?.items ?? []).compactMap(\.text)
        if !path.isEmpty { out += "/" + path.joined(separator: "/") }
        let query = (url["query"]?.items ?? []).map { "\($0["key"]?.text ?? "")=\($0["value"]?.text ?? "")" }
        if !query.isEmpty { out += "?" + query.joined(separator: "&") }
        return out
    }

    /// Scripts of an item by `listen` (`prerequest`, `test`), as lines, with their ids.
    static func scripts(_ item: JSONValue) -> [String: (lines: [String], id: String?)] {
        var scripts: [String: (lines: [String], id: String?)] = [:]
        for event in item["event"]?.items ?? [] {
            guard let listen = event["listen"]?.text else { continue }
            let lines = ScriptLines.lines(event["script"]?["exec"])
            scripts[listen] = ((scripts[listen]?.lines ?? []) + lines, scripts[listen]?.id ?? event["script"]?["id"]?.text)
        }
        return scripts
    }
}
