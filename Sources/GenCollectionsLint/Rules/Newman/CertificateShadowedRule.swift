/// A certificate-list entry that an earlier entry always wins over, so Newman never uses it.
public struct CertificateShadowedRule: LintRule {
    public static let description = RuleDescription(
        id: "certificate-shadowed", name: "Certificate Shadowed", category: .newman, defaultSeverity: .warning,
        summary: "A certificate entry must not be hidden by an earlier entry's patterns",
        explanation: """
            Newman picks the first entry of `--ssl-client-cert-list` whose `matches` accept the URL. An entry whose \
            every pattern is covered by earlier entries (an earlier `<all_urls>`, `https://*.example.com/*` before \
            `https://api.example.com/*`, or the same pattern twice) is never used, and its certificate is never \
            sent. Move the more specific entry first, or remove the dead one.
            """,
        passing: [
            Example(
                #"[{"name": "api", "matches": ["https://api.example.com/*"], "pfx": {"src": "api.p12"}}, {"name": "rest", "matches": ["https://*.example.com/*"], "pfx": {"src": "rest.p12"}}]"#,
                .file("ssl-client-cert-list.json"))
        ],
        failing: [
            Example(
                #"[{"name": "rest", "matches": ["https://*.example.com/*"], "pfx": {"src": "rest.p12"}}, ↓{"name": "api", "matches": ["https://api.example.com/*"], "pfx": {"src": "api.p12"}}]"#,
                .file("ssl-client-cert-list.json")),
            Example(
                #"[{"name": "all", "matches": ["<all_urls>"], "pfx": {"src": "all.p12"}}, ↓{"name": "api", "matches": ["https://api.example.com:8443/*"], "pfx": {"src": "api.p12"}}]"#,
                .file("ssl-client-cert-list.json")),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.kind == .certificateList else { return [] }
        let document = file.document
        var earlier: [(name: String, patterns: [CertificateMatch])] = []
        var findings: [Finding] = []
        for entry in document.elements(file.root) {
            let name = document.string(entry, "name") ?? "unnamed"
            let patterns = (document.member(entry, "matches").map(document.elements) ?? [])
                .compactMap { document.string($0) }.compactMap(CertificateMatch.init)
            if !patterns.isEmpty {
                let winners = patterns.compactMap { pattern in
                    earlier.first { $0.patterns.contains { $0.includes(pattern) } }?.name
                }
                if winners.count == patterns.count, let winner = winners.first {
                    findings.append(
                        file.finding(
                            at: entry,
                            "certificate entry '\(name)' is never used: entry '\(winner)' comes first "
                                + "and matches every url it matches",
                            hint: "move the more specific entry before the general one, or remove it"))
                }
            }
            earlier.append((name, patterns))
        }
        return findings
    }
}
