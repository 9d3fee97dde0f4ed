/// Read access to a JSON tree in either of the tool's representations: values (`JSONValue`, what the model holds)
/// or the positional nodes of a `JSONDocument` (what lint reads, so that findings have a line and column). The
/// format's rules that both need (what a URL object sends, where auth parameters are) are written once over it.
public protocol JSONTree {
    associatedtype Node
    func text(_ node: Node) -> String?
    /// A number's literal text.
    func numberText(_ node: Node) -> String?
    func member(_ node: Node, _ key: String) -> Node?
    /// An array's elements; nil for anything else.
    func elements(_ node: Node) -> [Node]?
    /// An object's members in order; nil for anything else.
    func members(_ node: Node) -> [(key: String, value: Node)]?
    func isTrue(_ node: Node) -> Bool
}

/// `JSONValue`s as a tree: each value is its own node.
public struct JSONValueTree: JSONTree {
    public init() {}
    public func text(_ node: JSONValue) -> String? { node.text }
    public func numberText(_ node: JSONValue) -> String? {
        if case .number(let digits) = node { return digits }
        return nil
    }
    public func member(_ node: JSONValue, _ key: String) -> JSONValue? { node[key] }
    public func elements(_ node: JSONValue) -> [JSONValue]? { node.items }
    public func members(_ node: JSONValue) -> [(key: String, value: JSONValue)]? { node.members }
    public func isTrue(_ node: JSONValue) -> Bool { node == .bool(true) }
}

/// A `JSONDocument`'s nodes as a tree, by index.
public struct JSONDocumentTree: JSONTree {
    public let document: JSONDocument
    public init(_ document: JSONDocument) { self.document = document }
    public func text(_ node: Int) -> String? { document.string(node) }
    public func numberText(_ node: Int) -> String? { document.numberText(node) }
    public func member(_ node: Int, _ key: String) -> Int? { document.member(node, key) }
    public func elements(_ node: Int) -> [Int]? { document.kind(node) == .array ? document.elements(node) : nil }
    public func members(_ node: Int) -> [(key: String, value: Int)]? {
        guard document.kind(node) == .object else { return nil }
        return document.members(node).compactMap { member in document.string(member.key).map { ($0, member.value) } }
    }
    public func isTrue(_ node: Int) -> Bool { document.kind(node) == .true }
}

extension Postman {
    /// What Newman sends for a URL object: it reads the parts and never `raw`.
    ///
    /// Its generic functions are inlinable so that lint, another module, gets them specialised for its tree
    /// (unspecialised, their witness calls and metadata lookups were 5% of a lint of 20 MB).
    public struct URLParts: Sendable {
        public var `protocol`: String?
        public var host: [String]
        /// A string, or (Newman accepts it) a number's text.
        public var port: String?
        public var path: [String]
        /// Query parameters; disabled ones are kept and flagged.
        public var query: [(key: String, value: String, disabled: Bool)]
        public var hash: String?

        /// The parts of URL object `node` (missing parts are empty).
        @inlinable public init<Tree: JSONTree>(_ node: Tree.Node, in tree: Tree) {
            self.protocol = tree.member(node, "protocol").flatMap(tree.text)
            host = Self.labels(tree.member(node, "host"), separator: ".", in: tree)
            port = tree.member(node, "port").flatMap { tree.text($0) ?? tree.numberText($0) }
            path = Self.labels(tree.member(node, "path"), separator: "/", in: tree)
            query =
                tree.member(node, "query").flatMap(tree.elements)?.compactMap { parameter in
                    guard let key = tree.member(parameter, "key").flatMap(tree.text) else { return nil }
                    let value = tree.member(parameter, "value").flatMap(tree.text) ?? ""
                    return (key, value, tree.member(parameter, "disabled").map(tree.isTrue) ?? false)
                } ?? []
            hash = tree.member(node, "hash").flatMap(tree.text)
        }

        /// A `url` value as text: the string it is, its `raw`, or (without `raw`) the URL its parts make.
        @inlinable public static func text<Tree: JSONTree>(of node: Tree.Node, in tree: Tree) -> String {
            tree.text(node) ?? tree.member(node, "raw").flatMap(tree.text) ?? URLParts(node, in: tree).text
        }

        /// Whether URL object `node` has any part besides `raw`.
        @inlinable public static func exist<Tree: JSONTree>(in node: Tree.Node, of tree: Tree) -> Bool {
            ["protocol", "host", "path", "port", "query", "hash"].contains { tree.member(node, $0) != nil }
        }

        /// The URL the parts make, enabled query parameters only: what Newman requests.
        public var text: String {
            var text = self.protocol.map { "\($0)://" } ?? ""
            text += host.joined(separator: ".")
            if let port { text += ":\(port)" }
            if !path.isEmpty { text += "/" + path.joined(separator: "/") }
            let enabled = query.filter { !$0.disabled }
            if !enabled.isEmpty { text += "?" + enabled.map { "\($0.key)=\($0.value)" }.joined(separator: "&") }
            if let hash { text += "#\(hash)" }
            return text
        }

        /// Host or path: an array of strings (a path segment may be `{type, value}`), or one string split on
        /// `separator` (a path's leading slash dropped).
        @inlinable static func labels<Tree: JSONTree>(
            _ node: Tree.Node?, separator: Character, in tree: Tree
        ) -> [String] {
            guard let node else { return [] }
            if let text = tree.text(node) {
                let trimmed = separator == "/" && text.hasPrefix("/") ? String(text.dropFirst()) : text
                return trimmed.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            }
            return tree.elements(node)?.map { label in
                tree.text(label) ?? tree.member(label, "value").flatMap(tree.text) ?? ""
            } ?? []
        }
    }

    /// The parameters of an auth object's own type, in either layout: a list `[{key, value}]` (v2.1) or an
    /// object `{key: value}` (v2.0); entries without a key or value are skipped.
    @inlinable public static func authParameters<Tree: JSONTree>(
        of auth: Tree.Node, in tree: Tree
    ) -> [(key: String, value: Tree.Node)] {
        guard let type = tree.member(auth, "type").flatMap(tree.text), let given = tree.member(auth, type) else {
            return []
        }
        if let fields = tree.members(given) { return fields }
        return tree.elements(given)?.compactMap { entry in
            guard let key = tree.member(entry, "key").flatMap(tree.text), let value = tree.member(entry, "value")
            else { return nil }
            return (key, value)
        } ?? []
    }
}
