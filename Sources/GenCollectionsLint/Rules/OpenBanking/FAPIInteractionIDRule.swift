import GenCollectionsBase

/// Open Banking resource requests need a fresh `x-fapi-interaction-id` each time.
public struct FAPIInteractionIDRule: LintRule {
    public static let description = RuleDescription(
        id: "fapi-interaction-id", name: "FAPI Interaction ID", category: .openBanking, defaultSeverity: .warning,
        summary: "Open Banking requests should send a fresh x-fapi-interaction-id",
        explanation: """
            The bank echoes `x-fapi-interaction-id` (an RFC 4122 UUID) in its response and logs; it is how a support \
            ticket finds your call. Without it, or with the same literal value on every request, calls cannot be \
            told apart. Send `{{$guid}}` or a variable a pre-request script refreshes. Applies to `/open-banking/` \
            requests of collections that look like Open Banking ones (or when the configuration says so).
            """,
        passing: [
            Example(
                #"{"method": "GET", "url": "https://rs.example.com/open-banking/v3.1/aisp/accounts", "header": [{"key": "x-fapi-interaction-id", "value": "{{$guid}}"}]}"#
            )
        ],
        failing: [
            Example(
                #"↓{"method": "GET", "url": "https://rs.example.com/open-banking/v3.1/aisp/accounts", "header": []}"#),
            Example(
                #"{"method": "GET", "url": "https://rs.example.com/open-banking/v3.1/aisp/accounts", "header": [{"key": "x-fapi-interaction-id", "value": ↓"93bac548-d2de-4546-b106-880a5018460d"}]}"#
            ),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.looksLikeOpenBanking else { return [] }
        return file.requests.compactMap { request in
            guard let url = request.urlNode, ByteSearch.contains(file.urlText(url), LintedFile.openBankingPath) else {
                return nil
            }
            guard let header = request.header("x-fapi-interaction-id") else {
                return file.finding(
                    at: request.node, "open banking request has no x-fapi-interaction-id header",
                    hint: "add \"x-fapi-interaction-id\": \"{{$guid}}\"")
            }
            guard let value = header.value, let node = header.valueNode, SecretHeuristics.isLiteral(value) else {
                return nil
            }
            return file.finding(
                at: node, "x-fapi-interaction-id is the literal '\(value)', sent unchanged on every run",
                hint: "use {{$guid}} or a variable a pre-request script refreshes")
        }
    }
}
