/// What is not drift. Files are compared after this normalisation, so a collection re-saved by the Postman app
/// compares equal to the generated one:
/// - key order and whitespace are ignored (documents are parsed, objects compared as sets of members);
/// - export metadata is ignored: `_exporter_id`, `_postman_exported_at`, `_postman_exported_using`,
///   `_collection_link`, and the collection's `info._postman_id` (Postman may assign a new one on import);
/// - a member whose value is `null`, `[]`, `{}` is the same as an absent one (`protocolProfileBehavior: {}`,
///   `response: []`, `query: []`, `packages: {}`, …), and so is an empty `description`;
/// - defaults are the same as absent: `"type": "text"` on headers, query and form fields, `"disabled": false`,
///   `"enabled": true`, `"type": "text/javascript"` on scripts;
/// - script `exec` is compared line by line (one string with newlines equals one string per line), without
///   trailing whitespace;
/// - a URL is compared by its `raw` text and its path variables (`host`, `path`, `query` are derived from `raw`).
enum PostmanNormalization {
    static let exportKeys: Set<String> = ["_exporter_id", "_postman_exported_at", "_postman_exported_using", "_collection_link"]

    /// The value with export metadata, empty members and defaults removed and object keys sorted, for equality.
    static func canonical(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .array(items):
            return .array(items.map(canonical))
        case let .object(pairs):
            let isKeyValue = pairs.contains { $0.key == "key" }
            var kept: [(key: String, value: JSONValue)] = []
            for (key, member) in pairs where !exportKeys.contains(key) {
                let member = canonical(member)
                if isAbsent(member) || (key == "description" && member == .string("")) { continue }
                if isDefault(key: key, value: member, inKeyValue: isKeyValue) { continue }
                kept.append((key, member))
            }
            return .object(kept.sorted { $0.key < $1.key })
        default:
            return value
        }
    }

    static func isAbsent(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?: return true
        case let .array(items)?: return items.isEmpty
        case let .object(pairs)?: return pairs.isEmpty
        default: return false
        }
    }

    private static func isDefault(key: String, value: JSONValue, inKeyValue: Bool) -> Bool {
        switch (key, value) {
        case ("disabled", .bool(false)), ("enabled", .bool(true)), ("type", .string("text/javascript")): return true
        case ("type", .string("text")): return inKeyValue
        default: return false
        }
    }

    /// Semantic equality of two values after normalisation.
    static func equal(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        let a = a.map(canonical), b = b.map(canonical)
        if isAbsent(a) && isAbsent(b) { return true }
        return a == b
    }

    /// A description as text: a string, or Postman's `{content, type}` object; nil when empty.
    static func description(_ value: JSONValue?) -> String? {
        let text = value?.text ?? value?["content"]?.text
        return text?.isEmpty == false ? text : nil
    }

    /// Whether an id is one this tool generates (a version 5 UUID from `PostmanJSON.stableID`); the Postman app
    /// gives the items users create version 4 UUIDs.
    static func isGeneratedID(_ id: String?) -> Bool {
        guard let id, id.count == 36 else { return false }
        let characters = Array(id)
        return characters[14] == "5" && characters[8] == "-" && characters[13] == "-"
    }
}
