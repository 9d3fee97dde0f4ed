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
            `https://host:8443/*` (or `https://host:*/*`) to the entry's `matches`. Newman uses the first entry \
            whose patterns match, so an earlier `<all_urls>` entry covers every port. A collection is checked \
            against the certificate lists in its own directory (or the nearest directory above it that has one), \
            so lists of unrelated bundles in one directory walk do not mix; lint the certificate list together \
            with the collection for this check to run.
            """,
        passing: [
            Example(#"{"url": "https://api.example.com:8443/a"}"#, certificates: ["https://api.example.com:8443/*"]),
            Example(#"{"url": "https://api.example.com/a"}"#, certificates: ["https://*.example.com/*"]),
            Example(
                #"{"url": "https://api.example.com:8443/a"}"#, certificates: ["<all_urls>", "https://*.example.com/*"]),
        ],
        failing: [
            Example(#"{"url": ↓"https://api.example.com:8443/a"}"#, certificates: ["https://*.example.com/*"])
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.isCollection else { return [] }
        let lists = CertificateList.applicable(file.context.certificateLists, to: file.path)
        guard !lists.isEmpty else { return [] }
        let document = file.document
        return file.requests.compactMap { request in
            guard let url = request.urlNode else { return nil }
            let node = document.kind(url) == .object ? (document.member(url, "raw") ?? url) : url
            let parts = URLParts(file.urlText(url))
            guard parts.scheme?.lowercased() == "https", let port = parts.port, port != "443" else { return nil }
            let host = parts.host.joined(separator: ".").lowercased()
            guard !host.contains("{{") else { return nil }
            for list in lists where list.firstEntry(matching: parts) == nil {
                let sameHost = list.entries.joined().compactMap(CertificateMatch.init).filter { $0.covers(host: host) }
                guard let first = sameHost.first else { continue }
                let suffix = lists.count > 1 ? " in '\(list.path)'" : ""
                return file.finding(
                    at: node,
                    "no certificate pattern\(suffix) covers port \(port) of '\(host)'; "
                        + "'\(first.text)' only matches port \(first.port ?? "443")",
                    hint: "add 'https://\(host):\(port)/*' to the certificate entry's matches")
            }
            return nil
        }
    }
}
