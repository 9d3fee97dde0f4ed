import GenCollectionsBase

/// A Postman URL's text: the string itself, the object's `raw`, or (without `raw`) one built from its parts.
enum PostmanURLText {
    static func raw(_ url: JSONValue?) -> String {
        guard let url else { return "" }
        if let text = url.text { return text }
        if let raw = url["raw"]?.text { return raw }
        var out = url["protocol"]?.text.map { "\($0)://" } ?? ""
        if let host = url["host"]?.text {
            out += host
        } else {
            out += (url["host"]?.items ?? []).compactMap(\.text).joined(separator: ".")
        }
        if let port = url["port"]?.text { out += ":\(port)" }
        let path =
            url["path"]?.text.map { [$0] } ?? (url["path"]?.items ?? []).compactMap { $0.text ?? $0["value"]?.text }
        if !path.isEmpty { out += "/" + path.joined(separator: "/").drop { $0 == "/" } }
        let query = (url["query"]?.items ?? []).filter { $0["disabled"] != .bool(true) }.map {
            "\($0["key"]?.text ?? "")=\($0["value"]?.text ?? "")"
        }
        if !query.isEmpty { out += "?" + query.joined(separator: "&") }
        if let hash = url["hash"]?.text { out += "#\(hash)" }
        return out
    }
}

/// Auth parameters in either layout: v2.1 lists `[{key, value, type}]`, v2.0 objects `{key: value}`.
enum AuthParameters {
    /// The parameters in order, values as JSON (strings mostly; Postman also stores booleans and objects).
    static func pairs(_ value: JSONValue?) -> [(key: String, value: JSONValue)] {
        if let members = value?.members { return members }
        return (value?.items ?? []).compactMap { entry in
            guard let key = entry["key"]?.text else { return nil }
            return (key, entry["value"] ?? .string(""))
        }
    }

    static func string(_ value: JSONValue?, _ key: String) -> String? {
        pairs(value).first { $0.key == key }?.value.text
    }
}
