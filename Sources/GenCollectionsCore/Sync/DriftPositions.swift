import GenCollectionsBase

/// Line and column for drift findings, in the file on disk: the member a finding's field names when the file has
/// it (a request's `url`, its `header` list, an item's `event` list), else the item itself.
enum DriftPositions {
    /// `findings` with `position` set wherever their `pointer` names something in `document`.
    static func locate(_ findings: [Drift.Finding], in document: JSONDocument) -> [Drift.Finding] {
        findings.map { finding in
            guard finding.position == nil, let pointer = finding.pointer else { return finding }
            var located = finding
            let node =
                members(for: finding.field).lazy.compactMap { document.node(atPointer: pointer + $0) }.first
                ?? document.node(atPointer: pointer)
            located.position = node.map { document.position(of: document.key(of: $0) ?? $0) }
            return located
        }
    }

    /// Where a field lives under an item (or a file's root), most specific first.
    static func members(for field: String) -> [String] {
        switch field {
        case "name": return ["/info/name", "/name"]
        case "schema", "version": return ["/info/\(field)"]
        case "description": return ["/info/description", "/description", "/request/description"]
        case "method", "url", "body": return ["/request/\(field)"]
        case "path variables": return ["/request/url/variable", "/request/url"]
        case "auth": return ["/request/auth", "/auth"]
        case "protocolProfileBehavior": return ["/protocolProfileBehavior"]
        case "response examples": return ["/response"]
        case "values": return ["/values"]
        default:
            if field.hasPrefix("header ") { return ["/request/header", "/request"] }
            if field.hasSuffix(" script") { return ["/event"] }
            if field.hasPrefix("variable ") { return ["/variable", "/values"] }
            return []
        }
    }
}
