/// Payment POSTs should carry the detached JWS of their body.
public struct JWSSignatureRule: LintRule {
    public static let description = RuleDescription(
        id: "jws-signature", name: "JWS Signature", category: .openBanking, defaultSeverity: .note,
        summary: "Open Banking payment POSTs should send x-jws-signature",
        explanation: """
            The Read/Write API v3.1 makes `x-jws-signature` (a detached PS256 JWS of the body) mandatory on payment \
            consent and payment POSTs; banks that enforce it answer 400 `UK.OBIE.Signature.Missing`. Newman 6 cannot \
            sign PS256 by itself, so the header must come from a pre-request script (counted here when it sets the \
            header) or from a value computed outside Newman, such as `{{paymentSignature}}`. Many sandboxes \
            (Ozone-based ones among them) do not check it, so the rule is a note by default; raise it to `error` in \
            `.gen-collections.yml` for a bank that enforces signatures.
            """,
        passing: [
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payment-consents", "header": [{"key": "x-idempotency-key", "value": "{{$guid}}"}, {"key": "x-jws-signature", "value": "{{jwsSignature}}"}]}"#
            ),
            Example(
                #"[{"name": "Pay", "request": {"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payments", "header": [{"key": "x-idempotency-key", "value": "{{$guid}}"}]}, "event": [{"listen": "prerequest", "script": {"exec": ["pm.request.headers.add({key: 'x-jws-signature', value: sign(pm.request.body.raw)});"]}}]}]"#,
                .items),
        ],
        failing: [
            Example(
                #"{"method": ↓"POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payment-consents", "header": [{"key": "x-idempotency-key", "value": "{{$guid}}"}]}"#
            ),
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payments", "header": [{"key": "x-idempotency-key", "value": "{{$guid}}"}, {"key": "x-jws-signature", "value": ↓""}]}"#
            ),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.looksLikeOpenBanking else { return [] }
        var scripted: [Bool]?
        return file.requests.compactMap { request in
            guard request.method == "POST", let url = request.urlNode else { return nil }
            let text = file.urlText(url)
            guard IdempotencyKeyRule.isPaymentPOST(text) else { return nil }
            if scripted == nil { scripted = file.prerequestScriptsMention("x-jws-signature") }
            guard scripted?[request.item] != true else { return nil }
            var last: String { IdempotencyKeyRule.lastPathSegment(text) }
            guard let header = request.header("x-jws-signature") else {
                return file.finding(
                    at: request.methodNode ?? request.node, "payment POST to '\(last)' has no x-jws-signature header",
                    hint: "sign the body (PS256, detached) and send it as x-jws-signature, e.g. '{{jwsSignature}}'")
            }
            guard let node = header.valueNode, (header.value ?? "").isBlank else { return nil }
            return file.finding(
                at: node, "x-jws-signature on the payment POST to '\(last)' is empty",
                hint: "fill it with the detached JWS of the body, e.g. '{{jwsSignature}}'")
        }
    }
}
