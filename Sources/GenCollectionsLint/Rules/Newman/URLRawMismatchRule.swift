import GenCollectionsBase
import GenCollectionsCore

/// `raw` says one URL, the parts another: the app shows `raw`, Newman sends the parts.
public struct URLRawMismatchRule: LintRule {
    public static let description = RuleDescription(
        id: "url-raw-mismatch", name: "URL Raw Mismatch", category: .newman, defaultSeverity: .warning,
        summary: "A URL's 'raw' must agree with its parts",
        explanation: """
            The Postman app displays `url.raw`, but Newman sends the URL built from the parts. When they disagree \
            (usually after a hand edit of the JSON), what you read is not what runs in CI. Regenerate the parts from \
            `raw` (open and save the request in Postman) or fix them by hand.
            """,
        passing: [
            Example(
                #"{"url": {"raw": "https://example.com/v1/a?x=1", "protocol": "https", "host": ["example", "com"], "path": ["v1", "a"], "query": [{"key": "x", "value": "1"}]}}"#
            ),
            Example(
                #"{"url": {"raw": "{{rs}}/a", "host": ["{{rs}}"], "path": ["a"], "query": [{"key": "y", "value": "2", "disabled": true}]}}"#
            ),
        ],
        failing: [
            Example(
                #"{"url": {"raw": ↓"https://example.com/v1/b", "protocol": "https", "host": ["example", "com"], "path": ["v1", "a"]}}"#
            ),
            Example(
                #"{"url": {"raw": ↓"{{rs}}/a?x=1", "host": ["{{rs}}"], "path": ["a"], "query": [{"key": "x", "value": "2"}]}}"#
            ),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        return file.requests.compactMap { request in
            guard let url = request.urlNode, document.kind(url) == .object, let rawNode = document.member(url, "raw"),
                let raw = document.string(rawNode), Postman.URLParts.exist(in: url, of: JSONDocumentTree(document))
            else { return nil }
            let parts = Postman.URLParts(url, in: JSONDocumentTree(document))
            if parts.text == raw { return nil }  // the usual case, without parsing raw
            let fromRaw = URLParts(raw)
            let sameScheme =
                parts.protocol == nil || fromRaw.scheme == nil
                || parts.protocol?.lowercased() == fromRaw.scheme?.lowercased()
            let samePath = Self.trimmed(parts.path) == Self.trimmed(fromRaw.path)
            let sameQuery =
                parts.query.filter { !$0.disabled }.map { "\($0.key)=\($0.value)" }
                == fromRaw.query.map { "\($0.key)=\($0.value)" }
            let same =
                sameScheme
                && parts.host.joined(separator: ".").lowercased() == fromRaw.host.joined(separator: ".").lowercased()
                && parts.port == fromRaw.port && samePath && sameQuery && (parts.hash ?? "") == (fromRaw.hash ?? "")
            guard !same else { return nil }
            return file.finding(
                at: rawNode,
                "url 'raw' \"\(raw)\" disagrees with its parts, which newman sends as \"\(parts.text)\"",
                hint: "make 'raw' and the parts say the same url")
        }
    }

    /// Path segments without the empty one a trailing slash leaves.
    private static func trimmed(_ path: [String]) -> [String] {
        path.last == "" ? Array(path.dropLast()) : path
    }
}
