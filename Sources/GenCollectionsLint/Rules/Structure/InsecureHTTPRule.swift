import GenCollectionsBase
import GenCollectionsCore

/// `http://` to a host that is not the local machine.
public struct InsecureHTTPRule: LintRule {
    public static let description = RuleDescription(
        id: "insecure-http", name: "Insecure HTTP", category: .structure, defaultSeverity: .warning,
        summary: "Requests to other machines should use https",
        explanation: """
            Plain `http://` sends tokens, credentials and personal data in clear text, and Open Banking APIs refuse \
            it anyway. Loopback hosts (`localhost`, `127.0.0.1`, `::1`) are fine. Use `https://`.
            """,
        passing: [
            Example(#"{"url": "http://localhost:3000/a"}"#),
            Example(
                #"{"url": {"raw": "http://127.0.0.1/a", "protocol": "http", "host": ["127", "0", "0", "1"], "path": ["a"]}}"#
            ),
        ],
        failing: [
            Example(#"{"url": ↓"http://api.example.com/a"}"#),
            Example(
                #"{"url": {"raw": "http://example.com/a", "protocol": ↓"http", "host": ["example", "com"], "path": ["a"]}}"#
            ),
        ])

    public init() {}

    private static let loopback: Set<String> = ["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0"]

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        return file.requests.compactMap { request in
            guard let url = request.urlNode else { return nil }
            let host: String, node: Int
            if let text = document.string(url) {
                guard text.lowercased().hasPrefix("http://") else { return nil }
                host = URLParts(text).host.joined(separator: ".")
                node = url
            } else if let protocolNode = document.member(url, "protocol") {
                guard document.string(protocolNode)?.lowercased() == "http" else { return nil }
                host = Postman.URLParts(url, in: JSONDocumentTree(document)).host.joined(separator: ".")
                node = protocolNode
            } else {
                return nil
            }
            let lowered = host.lowercased()
            guard !Self.loopback.contains(lowered), !lowered.hasPrefix("127."), !lowered.hasSuffix(".localhost") else {
                return nil
            }
            return file.finding(at: node, "request to '\(host)' uses plain http", hint: "use https")
        }
    }
}
