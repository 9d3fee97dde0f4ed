import GenCollectionsBase
import GenCollectionsCore

/// An https URL on a port other than 443 whose host has a certificate pattern without that port.
public struct CertificatePortRule: LintRule {
    public static let description = RuleDescription(
        id: "certificate-port", name: "Certificate Port", category: .newman, defaultSeverity: .warning,
        summary: "A host on a non-443 port needs a certificate pattern with that port",
        explanation: """
            A certificate `matches` pattern without a port only matches the default port, 443. When a request goes \
            to `https://host:8443/...` and the certificate lists linted in the same run cover `host` only as \
            `https://host/*`, Newman sends that request without a client certificate and mutual TLS fails. Add \
            `https://host:8443/*` (or `https://host:*/*`) to the entry's `matches`. Lint the certificate list \
            together with the collection for this check to run.
            """,
        passing: [
            Example(#"{"url": "https://api.example.com:8443/a"}"#, certificates: ["https://api.example.com:8443/*"]),
            Example(#"{"url": "https://api.example.com/a"}"#, certificates: ["https://*.example.com/*"]),
        ],
        failing: [
            Example(#"{"url": ↓"https://api.example.com:8443/a"}"#, certificates: ["https://*.example.com/*"])
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let patterns = file.context.certificatePatterns.compactMap(CertificateMatch.init)
        guard file.isCollection, !patterns.isEmpty else { return [] }
        let document = file.document
        return file.requests.compactMap { request in
            guard let url = request.urlNode else { return nil }
            let node = document.kind(url) == .object ? (document.member(url, "raw") ?? url) : url
            let parts = URLParts(file.urlText(url))
            guard parts.scheme?.lowercased() == "https", let port = parts.port, port != "443" else { return nil }
            let host = parts.host.joined(separator: ".").lowercased()
            guard !host.contains("{{") else { return nil }
            let sameHost = patterns.filter { $0.covers(host: host) }
            guard !sameHost.isEmpty, !sameHost.contains(where: { $0.port == "*" || $0.port == port }) else {
                return nil
            }
            return file.finding(
                at: node,
                "no certificate pattern covers port \(port) of '\(host)'; "
                    + "'\(sameHost[0].text)' only matches port \(sameHost[0].port ?? "443")",
                hint: "add 'https://\(host):\(port)/*' to the certificate entry's matches")
        }
    }
}

/// The host and port of a certificate match pattern.
struct CertificateMatch {
    var text: String
    var host: String
    var port: String?

    init?(_ text: String) {
        guard CertificatePatternRule.problem(with: text) == nil, let range = text.range(of: "://") else { return nil }
        let authority = text[range.upperBound...].prefix { $0 != "/" }
        let pieces = authority.split(separator: ":", maxSplits: 1)
        self.text = text
        host = String(pieces.first ?? "").lowercased()
        port = pieces.count > 1 ? String(pieces[1]) : nil
    }

    /// Whether the pattern's host matches `host` (`*.example.com` also matches `example.com`).
    func covers(host candidate: String) -> Bool {
        if host == "*" { return true }
        if host.hasPrefix("*.") {
            let domain = String(host.dropFirst(2))
            return candidate == domain || candidate.hasSuffix("." + domain)
        }
        return host == candidate
    }
}
