/// Payment POSTs must carry `x-idempotency-key`.
public struct IdempotencyKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "idempotency-key", name: "Idempotency Key", category: .openBanking, defaultSeverity: .error,
        summary: "Open Banking payment POSTs need an x-idempotency-key header",
        explanation: """
            Payment initiation POSTs (payment consents, payments, scheduled payments, standing orders, file \
            payments) require `x-idempotency-key` (at most 40 characters, kept 24 hours); banks reject the call \
            without it. A literal key makes every run after the first a replay, so use `{{$guid}}` or a variable \
            a pre-request script refreshes.
            """,
        passing: [
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payment-consents", "header": [{"key": "x-idempotency-key", "value": "{{$guid}}"}]}"#
            ),
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/aisp/account-access-consents", "header": []}"#
            ),
        ],
        failing: [
            Example(
                #"{"method": ↓"POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payments", "header": [{"key": "x-fapi-interaction-id", "value": "{{$guid}}"}]}"#
            ),
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payments", "header": [{"key": "x-idempotency-key", "value": ↓"key-1"}]}"#
            ),
        ])

    public init() {}

    private static let endpoints = ["payment-consents", "payments", "standing-order-consents", "standing-orders"]

    /// The lowercased last path segment of a URL, query and fragment removed.
    static func lastPathSegment(_ url: String) -> String {
        let utf8 = url.utf8
        let end = utf8.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? utf8.endIndex
        var segmentEnd = end
        while segmentEnd > utf8.startIndex, utf8[utf8.index(before: segmentEnd)] == UInt8(ascii: "/") {
            segmentEnd = utf8.index(before: segmentEnd)
        }
        let start =
            utf8[..<segmentEnd].lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return String(url[start..<segmentEnd]).lowercased()
    }

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.looksLikeOpenBanking else { return [] }
        return file.requests.compactMap { request in
            guard request.method == "POST", let url = request.urlNode else { return nil }
            let last = Self.lastPathSegment(file.urlText(url))
            guard Self.endpoints.contains(where: { last.hasSuffix($0) }) else { return nil }
            guard let header = request.header("x-idempotency-key") else {
                return file.finding(
                    at: request.methodNode ?? request.node, "payment POST to '\(last)' has no x-idempotency-key header",
                    hint: "add \"x-idempotency-key\": \"{{$guid}}\"")
            }
            guard let value = header.value, let node = header.valueNode, SecretHeuristics.isLiteral(value) else {
                return nil
            }
            return file.finding(
                at: node, "x-idempotency-key is the literal '\(value)', so every later run is a replay",
                hint: "use {{$guid}} or a variable a pre-request script refreshes")
        }
    }
}
