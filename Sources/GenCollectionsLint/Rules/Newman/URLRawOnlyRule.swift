import GenCollectionsBase

/// A URL object with only `raw`: Newman builds the URL from the parts, so it requests nothing useful.
public struct URLRawOnlyRule: LintRule {
    public static let description = RuleDescription(
        id: "url-raw-only", name: "URL Raw Only", category: .newman, defaultSeverity: .error,
        summary: "A URL object must have its parts, not only 'raw'",
        explanation: """
            Newman (postman-collection) builds the request URL from `protocol`, `host`, `port`, `path`, `query` \
            and `hash`, and never reads `raw` when `url` is an object. An object with only `raw` shows fine in the \
            Postman app but Newman sends the request to an empty URL. Write the parts, or make `url` a plain string.
            """,
        passing: [
            Example(
                #"{"method": "GET", "url": {"raw": "https://example.com/a", "protocol": "https", "host": ["example", "com"], "path": ["a"]}}"#
            ),
            Example(#"{"method": "GET", "url": "https://example.com/a"}"#),
        ],
        failing: [
            Example(#"{"method": "GET", "url": ↓{"raw": "https://example.com/a"}}"#)
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        return file.requests.compactMap { request in
            guard let url = request.urlNode, document.kind(url) == .object, let raw = document.string(url, "raw"),
                !Postman.URLParts.exist(in: url, of: JSONDocumentTree(document))
            else { return nil }
            return file.finding(
                at: url, "url object has only 'raw' (\"\(raw)\"), so newman sends an empty url",
                hint: "add protocol, host, path and query parts, or write the url as a plain string")
        }
    }
}
