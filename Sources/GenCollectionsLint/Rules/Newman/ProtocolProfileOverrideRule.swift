/// `protocolProfileBehavior` settings that silently beat Newman's command-line flags.
public struct ProtocolProfileOverrideRule: LintRule {
    public static let description = RuleDescription(
        id: "protocol-profile-override", name: "Protocol Profile Override", category: .newman,
        defaultSeverity: .warning,
        summary: "protocolProfileBehavior settings that override newman's command-line flags",
        explanation: """
            `protocolProfileBehavior` wins over Newman's flags: `strictSSL` overrides `--insecure` (`-k`), \
            `followRedirects` overrides `--ignore-redirects`, and `insecureHTTPParser` relaxes HTTP parsing. Set on \
            the collection or a folder, it changes every request below, so a CI job behaves differently from what its \
            command line says. Prefer the flags, or keep the setting on the one request that needs it. On a single \
            request, `followRedirects` and `maxRedirects` are the normal way to capture a redirect (an OAuth \
            callback, say) and are not reported; `strictSSL` and `insecureHTTPParser` still are, since they change \
            TLS and parsing for that request whatever the command line says.
            """,
        passing: [
            Example(
                #"[{"name": "R", "request": {"method": "POST", "url": "https://example.com", "body": {"mode": "raw", "raw": "{}"}}, "protocolProfileBehavior": {"disableBodyPruning": true}}]"#,
                .items),
            Example(
                #"[{"name": "Authorize", "request": "https://example.com/auth", "protocolProfileBehavior": {"followRedirects": false}}]"#,
                .items),
        ],
        failing: [
            Example(
                #"[{"name": "R", "request": "https://example.com", "protocolProfileBehavior": {"strictSSL": ↓false, "followRedirects": false}}]"#,
                .items),
            Example(
                #"[{"name": "F", "protocolProfileBehavior": {"followRedirects": ↓false}, "item": [{"name": "R", "request": "https://example.com"}]}]"#,
                .items),
        ])

    public init() {}

    private static let overrides = [
        "strictSSL": "--insecure", "followRedirects": "--ignore-redirects", "maxRedirects": "--ignore-redirects",
        "insecureHTTPParser": "newman's default parser",
    ]
    /// Settings that are a request's own business when set on one request.
    private static let requestScoped: Set<String> = ["followRedirects", "maxRedirects"]

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        var owners: [(node: Int, scope: String, isRequest: Bool)] = [
            (file.root, "every request of the collection", false)
        ]
        for item in file.items {
            let name = item.name ?? ""
            owners.append(
                item.isFolder
                    ? (item.node, "every request in folder '\(name)'", false)
                    : (item.node, "request '\(name)'", true))
        }
        return owners.flatMap { owner -> [Finding] in
            guard let behavior = document.member(owner.node, "protocolProfileBehavior") else { return [] }
            return document.members(behavior).compactMap { member in
                guard let key = document.string(member.key), let flag = Self.overrides[key],
                    !(owner.isRequest && Self.requestScoped.contains(key))
                else { return nil }
                return file.finding(
                    at: member.value, "protocolProfileBehavior.\(key) overrides \(flag) for \(owner.scope)",
                    hint: owner.isRequest
                        ? "remove it and pass the command-line flag, or document why this request needs it"
                        : "move it to the requests that need it, or remove it and pass the command-line flag")
            }
        }
    }
}
