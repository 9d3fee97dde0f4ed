import GenCollectionsBase

/// What a linted JSON file is, decided from its content (the file name only breaks ties).
public enum FileKind: Sendable, Hashable {
    /// A Postman collection in format v2.1.0 or v2.0.0.
    case collection(CollectionVersion)
    /// A collection in the retired v1 format (top-level `requests`), which this tool does not lint.
    case collectionV1
    /// A Postman environment (`values` plus `_postman_variable_scope: environment`).
    case environment
    /// Postman globals.
    case globals
    /// A Newman `--ssl-client-cert-list` file: an array of `{name, matches, key, cert | pfx}`.
    case certificateList
    /// Valid JSON that is none of the above.
    case unknown

    /// The collection format versions this tool lints.
    public enum CollectionVersion: String, Sendable, Hashable {
        case v2_0 = "2.0.0"
        case v2_1 = "2.1.0"
    }

    /// Decides the kind of the value at `root` of `document`, read from the file at `path`.
    static func detect(_ document: JSONDocument, root: Int, path: String) -> FileKind {
        let named = FileName(path)
        switch document.kind(root) {
        case .array:
            let elements = document.elements(root)
            if elements.contains(where: { document.member($0, "matches") != nil }) { return .certificateList }
            if named.isCertificateList { return .certificateList }
            if named.suffix == .globals { return .globals }
            if named.suffix == .environment { return .environment }
            return .unknown
        case .object:
            if let info = document.member(root, "info"),
                document.member(root, "item") != nil
                    || document.member(info, "schema") != nil
            {
                let schema = document.string(info, "schema") ?? ""
                return .collection(Postman.Collection.Format(schemaURL: schema) == .v20 ? .v2_0 : .v2_1)
            }
            // v1 requests carry a url; other files with a `requests` key (a run-newman plan) are not collections.
            let requests = document.member(root, "requests").map { document.elements($0) } ?? []
            if requests.contains(where: { document.member($0, "url") != nil })
                || document.member(root, "order") != nil
                    && document.member(root, "info") == nil
            {
                return .collectionV1
            }
            let scope = document.string(root, "_postman_variable_scope")
            if scope == "globals" || (scope == nil && named.suffix == .globals) { return .globals }
            if document.member(root, "values") != nil || scope == "environment" { return .environment }
            if named.suffix == .collection { return .collection(.v2_1) }
            // Newman rejects a list that is not an array; the schema check says so.
            if named.isCertificateList || document.member(root, "matches") != nil { return .certificateList }
            return .unknown
        default:
            return named.isCertificateList ? .certificateList : .unknown
        }
    }

    /// The value Newman reads: the root, or the inside of a Postman API envelope (`{"collection": {…}}`,
    /// `{"environment": {…}}`, `{"globals": {…}}`), which Newman unwraps.
    static func contentRoot(of document: JSONDocument) -> (root: Int, envelope: String?) {
        let root = document.root
        guard document.kind(root) == .object, document.member(root, "info") == nil,
            document.member(root, "values") == nil, document.member(root, "item") == nil
        else { return (root, nil) }
        for name in ["collection", "environment", "globals"] {
            if let inner = document.member(root, name), document.kind(inner) == .object { return (inner, name) }
        }
        return (root, nil)
    }

    /// A short name for messages: "collection", "environment", ...
    public var name: String {
        switch self {
        case .collection: return "collection"
        case .collectionV1: return "v1 collection"
        case .environment: return "environment"
        case .globals: return "globals"
        case .certificateList: return "certificate list"
        case .unknown: return "JSON file"
        }
    }

    /// Whether variables are defined by `values` (environments and globals).
    public var isVariableScope: Bool { self == .environment || self == .globals }
}

/// What a file's name says it is.
struct FileName {
    enum Suffix { case collection, environment, globals }

    /// The Postman export suffix, if any.
    var suffix: Suffix?
    /// `*.json` whose name contains `cert` and `list`, as `ssl-client-cert-list.json`.
    var isCertificateList: Bool

    init(_ path: String) {
        let name = Self.split(path).name.lowercased()
        if name.hasSuffix(".postman_collection.json") {
            suffix = .collection
        } else if name.hasSuffix(".postman_environment.json") {
            suffix = .environment
        } else if name.hasSuffix(".postman_globals.json") {
            suffix = .globals
        }
        // Byte searches: `String.contains` goes through Foundation, a tenth of a small file's lint.
        isCertificateList =
            name.hasSuffix(".json") && ByteSearch.contains(name, Self.cert) && ByteSearch.contains(name, Self.list)
    }

    static let cert = ByteSearch.Needle("cert"), list = ByteSearch.Needle("list")

    /// `path` split at its last slash: the folder ("" when there is none) and the name. By bytes, not through
    /// `NSString`: it runs for every file of a walk.
    static func split(_ path: String) -> (folder: Substring, name: Substring) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path[...]) }
        return (path[..<slash], path[path.utf8.index(after: slash)...])
    }

    /// Whether the name promises a file this linter knows (so content that is none of them is an error).
    var promisesKnownKind: Bool { suffix != nil || isCertificateList }
}
