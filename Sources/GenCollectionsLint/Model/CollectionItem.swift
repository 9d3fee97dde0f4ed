/// A folder or request of a collection, with the nodes rules look at.
public struct CollectionItem: Sendable {
    /// The item's object node.
    public var node: Int
    /// Position of the enclosing folder in `LintedFile.items`, nil at the top level.
    public var parent: Int?
    /// The `name` string, when present.
    public var name: String?
    /// The `name` value node.
    public var nameNode: Int?
    /// Folders have an `item` array; requests have a `request`.
    public var isFolder: Bool
    /// The `item` array of a folder.
    public var itemsNode: Int?
    /// The `request` value (object or URL string) of a request.
    public var requestNode: Int?
}

/// One header of a request.
public struct Header: Sendable {
    public var key: String
    /// `key` lower-cased, once per file rather than at every lookup (HTTP names are case-insensitive).
    public var loweredKey: String
    public var keyNode: Int
    public var value: String?
    public var valueNode: Int?
    public var disabled: Bool
    /// The header's object node.
    public var node: Int
}

/// The parts of a request rules read; `method` defaults to GET as in Postman.
public struct RequestFacts: Sendable {
    /// Position of the item in `LintedFile.items`.
    public var item: Int
    /// The request value (an object, or a string meaning a GET of that URL).
    public var node: Int
    public var method: String
    public var methodNode: Int?
    /// The `url` value (object or string), or the request string itself.
    public var urlNode: Int?
    public var headers: [Header]
    public var bodyNode: Int?
    public var authNode: Int?

    /// The enabled header named `name`, compared case-insensitively as HTTP does.
    public func header(_ name: String) -> Header? {
        let lowered = name.lowercased()
        return headers.last { !$0.disabled && $0.loweredKey == lowered }
    }
}

/// One script (`event[].script.exec`), joined into one text.
public struct Script: Sendable {
    /// `prerequest` or `test`.
    public var listen: String
    /// The `event` object.
    public var eventNode: Int
    /// The exec lines as nodes (one node when `exec` is a single string).
    public var lineNodes: [Int]
    /// The lines joined with newlines.
    public var text: String
    /// Position of the owning item in `LintedFile.items`, nil for collection-level scripts.
    public var item: Int?
    /// `"disabled": true` on the event: Newman skips it.
    public var disabled: Bool
}

/// A `{{name}}` token in a value Newman resolves.
public struct VariableUse: Sendable {
    public var name: String
    /// Byte offset of the opening braces.
    public var offset: Int
    /// The string node holding it.
    public var node: Int
    /// For a nested token (`{{base_{{stage}}}}`), the outer name around it: Newman resolves the inner token
    /// first, then looks up `base_<value>`.
    public var enclosing: NamePattern?

    public init(name: String, offset: Int, node: Int, enclosing: NamePattern? = nil) {
        self.name = name
        self.offset = offset
        self.node = node
        self.enclosing = enclosing
    }
}

/// A variable defined in the file: collection `variable[]`, item variables or environment `values[]`.
public struct VariableDefinition: Sendable {
    public var name: String
    /// The `key` node.
    public var keyNode: Int
    /// The definition object.
    public var node: Int
    /// `disabled: true` (what Newman honours).
    public var disabled: Bool
}
