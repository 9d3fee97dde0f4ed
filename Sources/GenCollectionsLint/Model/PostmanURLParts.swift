import GenCollectionsBase

/// The parts of a Postman URL object, which are what Newman sends (it never reads `raw`).
public struct PostmanURLParts: Sendable {
    public var `protocol`: String?
    public var host: [String]
    public var port: String?
    public var path: [String]
    /// Query parameters; disabled ones are kept and flagged.
    public var query: [(key: String, value: String, disabled: Bool)]
    public var hash: String?

    /// Reads the parts of URL object `node` (missing parts are empty).
    public init(document: JSONDocument, node: Int) {
        self.protocol = document.string(node, "protocol")
        host = Self.labels(document, document.member(node, "host"), separator: ".")
        port = document.member(node, "port").flatMap { document.string($0) ?? document.numberText($0) }
        path = Self.labels(document, document.member(node, "path"), separator: "/")
        query =
            document.member(node, "query").map { queryNode in
                document.elements(queryNode).compactMap { parameter in
                    guard let key = document.string(parameter, "key") else { return nil }
                    return (key, document.string(parameter, "value") ?? "", document.isTrue(parameter, "disabled"))
                }
            } ?? []
        hash = document.string(node, "hash")
    }

    /// Whether the object has any part besides `raw`.
    public static func hasParts(document: JSONDocument, node: Int) -> Bool {
        ["protocol", "host", "path", "port", "query", "hash"].contains { document.member(node, $0) != nil }
    }

    /// The URL rebuilt from the parts, enabled query parameters only: what Newman requests.
    public var rebuilt: String {
        var text = self.protocol.map { "\($0)://" } ?? ""
        text += host.joined(separator: ".")
        if let port { text += ":\(port)" }
        if !path.isEmpty { text += "/" + path.joined(separator: "/") }
        let enabled = query.filter { !$0.disabled }
        if !enabled.isEmpty { text += "?" + enabled.map { "\($0.key)=\($0.value)" }.joined(separator: "&") }
        if let hash { text += "#\(hash)" }
        return text
    }

    /// Host or path: an array of strings, or one string split on `separator`.
    private static func labels(_ document: JSONDocument, _ node: Int?, separator: Character) -> [String] {
        guard let node else { return [] }
        if let text = document.string(node) {
            let trimmed = separator == "/" && text.hasPrefix("/") ? String(text.dropFirst()) : text
            return trimmed.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        }
        return document.elements(node).map { document.string($0) ?? "" }
    }
}
