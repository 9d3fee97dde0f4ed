/// `protocolProfileBehavior` settings that silently beat Newman's command-line flags.
public struct ProtocolProfileOverrideRule: LintRule {
    public static let description = RuleDescription(
        id: "protocol-profile-override", name: "Protocol Profile Override", category: .newman,
        defaultSeverity: .warning,
        summary: "protocolProfileBehavior settings that override newman's command-line flags",
        explanation: """
            A collection's `protocolProfileBehavior` wins over Newman's flags: `strictSSL` overrides `--insecure` \
            (`-k`), `followRedirects` overrides `--ignore-redirects`, and `insecureHTTPParser` changes parsing for \
            everyone. A CI job then behaves differently from what its command line says. Prefer the flags, or keep \
            the setting on the one request that needs it and say why in its description.
            """,
        passing: [
            Example(
                #"[{"name": "R", "request": {"method": "POST", "url": "https://example.com", "body": {"mode": "raw", "raw": "{}"}}, "protocolProfileBehavior": {"disableBodyPruning": true}}]"#,
                .items)
        ],
        failing: [
            Example(
                #"[{"name": "R", "request": "https://example.com", "protocolProfileBehavior": {"strictSSL": ↓false, "followRedirects": ↓false}}]"#,
                .items)
        ])

    public init() {}

    private static let overrides = [
        "strictSSL": "--insecure", "followRedirects": "--ignore-redirects",
        "insecureHTTPParser": "newman's default parser",
    ]

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        var owners = [document.root]
        owners += file.items.map(\.node)
        return owners.flatMap { owner -> [Finding] in
            guard let behavior = document.member(owner, "protocolProfileBehavior") else { return [] }
            return document.members(behavior).compactMap { member in
                guard let key = document.string(member.key), let flag = Self.overrides[key] else { return nil }
                return file.finding(
                    at: member.value, "protocolProfileBehavior.\(key) overrides \(flag) for every newman run",
                    hint: "remove it and pass the command-line flag, or document why this request needs it")
            }
        }
    }
}
