/// Certificate-list entries Newman will never use: bad match patterns or no key material.
public struct CertificatePatternRule: LintRule {
    public static let description = RuleDescription(
        id: "certificate-pattern", name: "Certificate Pattern", category: .newman, defaultSeverity: .error,
        summary: "Certificate 'matches' patterns must be valid match patterns with a path",
        explanation: """
            Newman picks a client certificate by matching the request URL against each entry's `matches` patterns \
            (Chrome match patterns). A pattern without a path (`https://host`) is invalid and silently never \
            matches; a pattern without a port only matches port 443, so `https://host/*` does not cover \
            `https://host:8443/x`; `*` may only start the host. Certificates only apply to https. Each entry also \
            needs `pfx`, or `key` and `cert`.
            """,
        passing: [
            Example(
                #"[{"name": "mtls", "matches": ["https://*.example.com/*", "https://example.com:8443/*"], "key": {"src": "c.key"}, "cert": {"src": "c.crt"}}]"#,
                .file("ssl-client-cert-list.json"))
        ],
        failing: [
            Example(
                #"[{"name": "mtls", "matches": [↓"https://example.com", ↓"https://api.*.example.com/*", ↓"http://example.com/*"], "key": {"src": "c.key"}, "cert": {"src": "c.crt"}}]"#,
                .file("ssl-client-cert-list.json")),
            Example(
                #"[{"name": "mtls", "matches": [↓"https://example.com:8443"], "pfx": {"src": "c.p12"}}, ↓{"name": "no-key", "matches": ["https://a.example.com/*"]}]"#,
                .file("ssl-client-cert-list.json")),
        ])

    public init() {}

    /// pmc's `url-match-pattern.js` rule.
    nonisolated(unsafe) private static let pattern = try! Regex(
        #"^((http|https|file|ftp|\*)(\+(http|https|file|ftp))*)://(\*|\*\.[^*/:]+|[^*/:]+)(:\*|:\d+)?(/.*)$"#)

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.kind == .certificateList else { return [] }
        let document = file.document
        var findings: [Finding] = []
        for entry in document.elements(file.root) {
            let name = document.string(entry, "name") ?? "unnamed"
            let hasKeys =
                document.member(entry, "pfx") != nil
                || (document.member(entry, "key") != nil && document.member(entry, "cert") != nil)
            if !hasKeys {
                findings.append(
                    file.finding(
                        at: entry, "certificate entry '\(name)' has neither 'pfx' nor 'key' and 'cert'",
                        hint: "give {\"key\": {\"src\": …}, \"cert\": {\"src\": …}} or {\"pfx\": {\"src\": …}}"))
            }
            for match in document.member(entry, "matches").map(document.elements) ?? [] {
                guard let text = document.string(match) else { continue }
                if let problem = Self.problem(with: text) {
                    findings.append(file.finding(at: match, problem.message, hint: problem.hint))
                }
            }
        }
        return findings
    }

    /// What is wrong with one pattern, or nil when newman can match it against https URLs.
    static func problem(with text: String) -> (message: String, hint: String)? {
        if text == "<all_urls>" { return nil }
        if (try? pattern.wholeMatch(in: text)) == nil {
            if let range = text.range(of: "://"), !text[range.upperBound...].contains("/") {
                return (
                    "certificate pattern '\(text)' has no path, so newman never matches it",
                    "append '/*', e.g. '\(text)/*'"
                )
            }
            return (
                "certificate pattern '\(text)' is not a valid match pattern, so newman never matches it",
                "use 'https://host/*', 'https://*.domain/*' or 'https://host:port/*'; '*' may only start the host"
            )
        }
        let scheme = text.prefix { $0 != ":" }
        if !scheme.contains("https"), scheme != "*" {
            return (
                "certificate pattern '\(text)' does not cover https, and client certificates are only sent over https",
                "use 'https://' in the pattern"
            )
        }
        return nil
    }
}
