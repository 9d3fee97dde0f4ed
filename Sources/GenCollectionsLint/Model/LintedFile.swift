import GenCollectionsBase

/// One parsed file and the facts rules share, each computed once on first use.
public final class LintedFile {
    /// The path as the user named it.
    public let path: String
    public let document: JSONDocument
    public let kind: FileKind
    /// What the whole run knows: `--env` variables, certificate patterns, configuration.
    public let context: LintContext

    init(path: String, document: JSONDocument, context: LintContext) {
        self.path = path
        self.document = document
        self.kind = FileKind.detect(document, path: path)
        self.context = context
    }

    /// Whether this is a collection (v2.0 or v2.1).
    public var isCollection: Bool {
        if case .collection = kind { return true }
        return false
    }

    /// Folders and requests in document order (collections only).
    public private(set) lazy var items: [CollectionItem] = isCollection ? CollectionWalker.items(of: document) : []

    /// Every request with its method, URL, headers, body and auth.
    public private(set) lazy var requests: [RequestFacts] = items.indices.compactMap { index in
        items[index].requestNode.map { CollectionWalker.facts(of: $0, item: index, in: document) }
    }

    /// Every script of the collection, collection level first.
    public private(set) lazy var scripts: [Script] =
        isCollection ? CollectionWalker.scripts(of: document, items: items) : []

    /// `{{name}}` tokens in values Newman resolves (descriptions, scripts and saved responses excluded).
    public private(set) lazy var variableUses: [VariableUse] = VariableScanner.uses(in: document, kind: kind)

    /// Variables defined in this file (collection and item `variable` lists, or environment `values`).
    public private(set) lazy var variableDefinitions: [VariableDefinition] = VariableScanner.definitions(
        in: document,
        kind: kind, items: items)

    /// Names scripts set (`pm.environment.set('x', …)` and friends) and names they read.
    public private(set) lazy var scriptVariables: ScriptVariables = ScriptVariables(scripts: scripts)

    /// Whether Open Banking rules apply: the configuration says so, or the collection sends `x-fapi-*` headers
    /// or calls `/open-banking/` paths.
    public private(set) lazy var looksLikeOpenBanking: Bool = {
        switch context.configuration.openBanking {
        case .always: return true
        case .never: return false
        case .auto:
            return requests.contains { request in
                request.headers.contains { $0.key.lowercased().hasPrefix("x-fapi-") }
                    || (request.urlNode.map { urlText($0).contains("open-banking/") } ?? false)
            }
        }
    }()

    /// The URL of a `url` node as text: the string itself, or `raw`, or the joined path parts.
    public func urlText(_ node: Int) -> String {
        if let text = document.string(node) { return text }
        if let raw = document.string(node, "raw") { return raw }
        return PostmanURLParts(document: document, node: node).rebuilt
    }

    /// Byte offset of the `utf8Offset`-th byte of string node `node`'s decoded text (exact when unescaped).
    public func offset(inString node: Int, utf8Offset: Int) -> Int {
        guard document.kind(node) == .string else { return document.offset(node) }
        if document.nodes[node].escaped { return document.offset(node) }
        return document.offset(node) + 1 + utf8Offset
    }
}
