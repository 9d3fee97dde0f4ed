import GenCollectionsBase

/// One parsed file and the facts rules share, each computed once on first use.
public final class LintedFile {
    /// The path as the user named it.
    public let path: String
    public let document: JSONDocument
    public let kind: FileKind
    /// The value Newman reads: the document's root, or the inside of a Postman API envelope.
    public let root: Int
    /// `collection`, `environment` or `globals` when the file is a Postman API envelope Newman unwraps.
    public let envelope: String?
    /// What the whole run knows: `--env` variables, certificate patterns, configuration.
    public let context: LintContext

    init(path: String, document: JSONDocument, context: LintContext) {
        self.path = path
        self.document = document
        (root, envelope) = FileKind.contentRoot(of: document)
        self.kind = FileKind.detect(document, root: root, path: path)
        self.context = context
    }

    /// Whether this is a collection (v2.0 or v2.1).
    public var isCollection: Bool {
        if case .collection = kind { return true }
        return false
    }

    /// Folders and requests in document order (collections only).
    public private(set) lazy var items: [CollectionItem] =
        isCollection ? CollectionWalker.items(of: document, root: root) : []

    /// Every request with its method, URL, headers, body and auth.
    public private(set) lazy var requests: [RequestFacts] = items.indices.compactMap { index in
        items[index].requestNode.map { CollectionWalker.facts(of: $0, item: index, in: document) }
    }

    /// The `originalRequest` of every saved example response (`response[]`): not sent, but committed.
    public private(set) lazy var exampleRequests: [RequestFacts] = items.indices.flatMap { index -> [RequestFacts] in
        guard !items[index].isFolder, let responses = document.member(items[index].node, "response") else { return [] }
        return document.elements(responses).compactMap { response in
            document.member(response, "originalRequest").map {
                CollectionWalker.facts(of: $0, item: index, in: document)
            }
        }
    }

    /// Private keys and well-known provider tokens anywhere in the file.
    private(set) lazy var secretMatches: [SecretScanner.Match] = SecretScanner.scan(document)

    /// Every script of the collection, collection level first.
    public private(set) lazy var scripts: [Script] =
        isCollection ? CollectionWalker.scripts(of: document, root: root, items: items) : []

    /// `{{name}}` tokens in values Newman resolves (descriptions, scripts and saved responses excluded).
    public private(set) lazy var variableUses: [VariableUse] = VariableScanner.uses(in: document, kind: kind)

    /// Variables defined in this file (collection and item `variable` lists, or environment `values`).
    public private(set) lazy var variableDefinitions: [VariableDefinition] = VariableScanner.definitions(
        in: document, root: root, kind: kind, items: items)

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
                request.headers.contains { $0.loweredKey.hasPrefix("x-fapi-") }
                    || (request.urlNode.map { ByteSearch.contains(urlText($0), Self.openBankingPath) } ?? false)
            }
        }
    }()

    /// For each item, whether an enabled pre-request script of the item, a folder above it or the collection
    /// contains `needle` (case-insensitive), as when a script adds a header with `pm.request.headers.add`.
    public func prerequestScriptsMention(_ needle: String) -> [Bool] {
        let wanted = needle.lowercased()
        var mentions = Array(repeating: false, count: items.count)
        var collection = false
        for script in scripts where script.listen == "prerequest" && !script.disabled {
            guard script.text.lowercased().contains(wanted) else { continue }
            if let item = script.item { mentions[item] = true } else { collection = true }
        }
        for index in items.indices {
            if collection { mentions[index] = true }
            if let parent = items[index].parent, mentions[parent] { mentions[index] = true }
        }
        return mentions
    }

    /// Computes every lazily computed fact now, so that rules running on several threads only read the file.
    func computeSharedFacts() {
        _ = items
        _ = requests
        _ = exampleRequests
        _ = secretMatches
        _ = scripts
        _ = variableUses
        _ = variableDefinitions
        _ = scriptVariables
        _ = looksLikeOpenBanking
    }

    /// What every Open Banking resource path contains.
    static let openBankingPath = ByteSearch.Needle("open-banking/")

    /// The URL of a `url` node as text: the string itself, or `raw`, or the joined path parts.
    public func urlText(_ node: Int) -> String {
        Postman.URLParts.text(of: node, in: JSONDocumentTree(document))
    }

    /// Byte offset of the `utf8Offset`-th byte of string node `node`'s decoded text (exact when unescaped).
    public func offset(inString node: Int, utf8Offset: Int) -> Int {
        guard document.kind(node) == .string else { return document.offset(node) }
        if document.nodes[node].escaped { return document.offset(node) }
        return document.offset(node) + 1 + utf8Offset
    }
}
