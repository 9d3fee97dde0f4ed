import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Open Banking resources: the client certificate, the FAPI headers, then the endpoint.
extension MockBank {
    func resource(
        _ request: MockRequest, group: String, pattern: String, ids: [String], step: Spec.Step?
    ) -> MockResponse {
        guard let client = request.client else { return Self.certificateRequired() }
        if let problem = fapiHeaderProblem(request) { return problem }
        let id = ids.first ?? ""
        switch (group, pattern, request.method) {
        case ("aisp", "account-access-consents", "POST"): return createAccountConsent(request, client: client)
        case ("aisp", "account-access-consents/{id}", "GET"): return accountConsent(request, client: client, id: id)
        case ("aisp", "account-access-consents/{id}", "DELETE"):
            return revokeAccountConsent(request, client: client, id: id)
        case ("aisp", "accounts", "GET"), ("aisp", "accounts/{id}", "GET"), ("aisp", "accounts/{id}/balances", "GET"),
            ("aisp", "balances", "GET"), ("aisp", "accounts/{id}/transactions", "GET"), ("aisp", "transactions", "GET"):
            return accountData(request, client: client, pattern: pattern, accountID: ids.first)
        case ("pisp", "domestic-payment-consents", "POST"): return createPaymentConsent(request, client: client)
        case ("pisp", "domestic-payment-consents/{id}", "GET"): return paymentConsent(request, client: client, id: id)
        case ("pisp", "domestic-payment-consents/{id}/funds-confirmation", "GET"):
            return fundsConfirmation(request, client: client, id: id)
        case ("pisp", "domestic-payments", "POST"): return createPayment(request, client: client)
        case ("pisp", "domestic-payments/{id}", "GET"): return payment(request, client: client, id: id)
        default:
            if let step, step.method == request.method { return stepDefault(request, step: step) }
            return .obError(405, OBErrorCode.notFound, "\(request.method) is not supported on \(request.path)")
        }
    }

    // MARK: - Helpers shared by AIS and PIS

    func links(_ path: String) -> (key: String, value: JSONValue) {
        ("Links", .object([("Self", .string(configuration.origin + path))]))
    }

    static let meta: (key: String, value: JSONValue) = ("Meta", .object([("TotalPages", .number("1"))]))

    /// The consent `id` of this client and kind, or the 400 Open Banking gives for an unknown id.
    func ownedConsent(_ id: String, client: String, payment: Bool) -> Result<StoredConsent, MockResponse> {
        guard let consent = state.withLockedValue({ $0.consents[id] }), consent.clientID == client,
            payment == (consent.kind.scope == "payments")
        else {
            return .failure(.obError(400, OBErrorCode.resourceNotFound, "no consent '\(id)'", path: "ConsentId"))
        }
        return .success(consent)
    }

    /// JSON equality that ignores the order of object members (a payment repeats its consent's Initiation).
    static func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case let (.object(x), .object(y)):
            return x.count == y.count
                && x.allSatisfy { pair in y.first { $0.key == pair.key }.map { sameJSON(pair.value, $0.value) } ?? false
                }
        case let (.array(x), .array(y)):
            return x.count == y.count && zip(x, y).allSatisfy(sameJSON)
        default:
            return a == b
        }
    }

    /// Runs `create` once per `x-idempotency-key` (per client and path); a replay with the same body gets the
    /// first answer, a replay with another body is refused.
    func idempotent(_ request: MockRequest, client: String, create: () -> MockResponse) -> MockResponse {
        guard let key = request.header("x-idempotency-key") else {
            return .obError(
                400, OBErrorCode.headerMissing, "x-idempotency-key is required", path: "x-idempotency-key")
        }
        guard !key.isEmpty, key.count <= 40, key.first?.isWhitespace == false, key.last?.isWhitespace == false else {
            return .obError(
                400, OBErrorCode.headerInvalid,
                "x-idempotency-key must be 1 to 40 characters, not starting or ending "
                    + "with a space", path: "x-idempotency-key")
        }
        let slot = "\(client)\n\(request.path)\n\(key)"
        let digest = Self.digest(request.body)
        return idempotentCreation.withLock {
            if let earlier = state.withLockedValue({ $0.idempotency[slot] }) {
                guard earlier.bodyDigest == digest else {
                    return .obError(
                        400, OBErrorCode.headerInvalid, "x-idempotency-key was used before with another body",
                        path: "x-idempotency-key")
                }
                return earlier.response
            }
            let response = create()
            if (200..<300).contains(response.status) {
                state.withLockedValue { $0.idempotency[slot] = IdempotentReply(bodyDigest: digest, response: response) }
            }
            return response
        }
    }

    /// A required member of a JSON object, or the `UK.OBIE.Field.Missing` answer naming its path.
    static func required(_ value: JSONValue?, _ path: String) -> Result<JSONValue, MockResponse> {
        guard let value, value != .null else {
            return .failure(.obError(400, OBErrorCode.fieldMissing, "\(path) is required", path: path))
        }
        return .success(value)
    }
}
