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

    /// Decides the kind of `document`, read from the file at `path`.
    static func detect(_ document: JSONDocument, path: String) -> FileKind {
        let root = document.root
        switch document.kind(root) {
        case .array:
            let elements = document.elements(root)
            if elements.contains(where: { document.member($0, "matches") != nil }) { return .certificateList }
            if elements.isEmpty, path.lowercased().contains("cert") { return .certificateList }
            if path.hasSuffix(".postman_globals.json") { return .globals }
            if path.hasSuffix(".postman_environment.json") { return .environment }
            return .unknown
        case .object:
            if let info = document.member(root, "info"),
                document.member(root, "item") != nil
                    || document.member(info, "schema") != nil
            {
                let schema = document.string(info, "schema") ?? ""
                return .collection(schema.contains("v2.0.0") ? .v2_0 : .v2_1)
            }
            if document.member(root, "requests") != nil
                || document.member(root, "order") != nil
                    && document.member(root, "info") == nil
            {
                return .collectionV1
            }
            let scope = document.string(root, "_postman_variable_scope")
            if scope == "globals" || (scope == nil && path.hasSuffix(".postman_globals.json")) { return .globals }
            if document.member(root, "values") != nil || scope == "environment" { return .environment }
            if path.hasSuffix(".postman_collection.json") { return .collection(.v2_1) }
            return .unknown
        default:
            return .unknown
        }
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
