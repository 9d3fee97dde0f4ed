/// `x-fapi-auth-date` must be an RFC 7231 HTTP-date.
public struct FAPIAuthDateRule: LintRule {
    public static let description = RuleDescription(
        id: "fapi-auth-date", name: "FAPI Auth Date", category: .openBanking, defaultSeverity: .error,
        summary: "x-fapi-auth-date must be an HTTP-date such as 'Sun, 10 Sep 2017 19:43:31 GMT'",
        explanation: """
            The Open Banking specification types `x-fapi-auth-date` (when the PSU last logged in) as an RFC 7231 \
            HTTP-date, pattern `^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|...|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} \
            (GMT|UTC)$`. Banks reject other forms (ISO 8601 is the usual mistake) with 400. Values built from \
            variables are not checked.
            """,
        passing: [
            Example(
                #"{"url": "https://rs.example.com/open-banking/v3.1/aisp/accounts", "header": [{"key": "x-fapi-auth-date", "value": "Sun, 10 Sep 2017 19:43:31 GMT"}, {"key": "x-fapi-interaction-id", "value": "{{$guid}}"}]}"#
            ),
            Example(
                #"{"url": "https://rs.example.com/open-banking/v3.1/aisp/accounts", "header": [{"key": "x-fapi-auth-date", "value": "{{fapiAuthDate}}"}]}"#
            ),
        ],
        failing: [
            Example(
                #"{"url": "https://rs.example.com/open-banking/v3.1/aisp/accounts", "header": [{"key": "x-fapi-auth-date", "value": ↓"2017-09-10T19:43:31Z"}]}"#
            )
        ])

    public init() {}

    nonisolated(unsafe) private static let pattern = try! Regex(
        #"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$"#
    )

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.looksLikeOpenBanking else { return [] }
        return file.requests.compactMap { request in
            guard let header = request.header("x-fapi-auth-date"), let value = header.value,
                let node = header.valueNode,
                !value.contains("{{"), (try? Self.pattern.wholeMatch(in: value)) == nil
            else { return nil }
            return file.finding(
                at: node, "x-fapi-auth-date '\(value)' is not an http-date",
                hint: "write it like 'Sun, 10 Sep 2017 19:43:31 GMT'")
        }
    }
}
