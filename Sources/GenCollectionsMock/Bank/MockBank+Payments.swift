import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Domestic payments: consents and payments, both idempotent on `x-idempotency-key`.
extension MockBank {
    func createPaymentConsent(_ request: MockRequest, client: ClientIdentity) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "payments", psu: false) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        return idempotent(request, client: token.clientID) {
            let body: JSONValue
            switch Self.jsonBody(request) {
            case let .success(value): body = value
            case let .failure(refusal): return refusal
            }
            if let problem = Self.initiationProblem(body) { return problem }
            let id = "sdp-" + UUID().uuidString.lowercased()
            let consent = StoredConsent(
                id: id, kind: .domesticPayment(initiation: body["Data"]!["Initiation"]!, risk: body["Risk"]!),
                clientID: token.clientID, status: .awaitingAuthorisation, created: now(), updated: now(),
                request: body)
            state.withLockedValue { $0.consents[id] = consent }
            return .json(201, paymentConsentJSON(consent, path: request.path + "/" + id))
        }
    }

    /// OBWriteDomesticConsent4's required members, and the amount and currency formats.
    static func initiationProblem(_ body: JSONValue) -> MockResponse? {
        let initiation = body["Data"]?["Initiation"]
        for path in [
            "Data.Initiation.InstructionIdentification", "Data.Initiation.EndToEndIdentification",
            "Data.Initiation.InstructedAmount.Amount", "Data.Initiation.InstructedAmount.Currency",
            "Data.Initiation.CreditorAccount.SchemeName", "Data.Initiation.CreditorAccount.Identification",
            "Data.Initiation.CreditorAccount.Name", "Risk",
        ] {
            if case let .failure(refusal) = required(body.value(at: JSONPath(path)!), path) { return refusal }
        }
        let amount = initiation?["InstructedAmount"]?["Amount"]?.text ?? ""
        if amount.range(of: #"^\d{1,13}(\.\d{1,5})?$"#, options: .regularExpression) == nil {
            return .obError(
                400, OBErrorCode.fieldInvalid, "the amount must be a decimal string such as \"10.00\"",
                path: "Data.Initiation.InstructedAmount.Amount")
        }
        let currency = initiation?["InstructedAmount"]?["Currency"]?.text ?? ""
        if currency.range(of: "^[A-Z]{3}$", options: .regularExpression) == nil {
            return .obError(
                400, OBErrorCode.unsupportedCurrency, "the currency must be an ISO 4217 code such as GBP",
                path: "Data.Initiation.InstructedAmount.Currency")
        }
        return nil
    }

    func paymentConsentJSON(_ consent: StoredConsent, path: String) -> JSONValue {
        guard case let .domesticPayment(initiation, risk) = consent.kind else { return .null }
        return .object([
            (
                "Data",
                .object([
                    ("ConsentId", .string(consent.id)), ("CreationDateTime", .string(timestamp(consent.created))),
                    ("Status", .string(consent.status.rawValue)),
                    ("StatusUpdateDateTime", .string(timestamp(consent.updated))), ("Initiation", initiation),
                ])
            ),
            ("Risk", risk), links(path), Self.meta,
        ])
    }

    func paymentConsent(_ request: MockRequest, client: ClientIdentity, id: String) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "payments", psu: false) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        switch ownedConsent(id, client: token.clientID, payment: true) {
        case let .success(consent): return .json(200, paymentConsentJSON(consent, path: request.path))
        case let .failure(refusal): return refusal
        }
    }

    /// Whether the debtor can cover the payment (OBWriteFundsConfirmationResponse1): the PSU's token for this
    /// consent, which must be Authorised; the sandbox's accounts always can.
    func fundsConfirmation(_ request: MockRequest, client: ClientIdentity, id: String) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "payments", psu: true) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        guard token.consentID == id else {
            return .obError(403, OBErrorCode.unauthorized, "the token is for another consent")
        }
        switch ownedConsent(id, client: token.clientID, payment: true) {
        case let .success(consent) where consent.status == .authorised:
            let result: JSONValue = .object([
                ("FundsAvailableDateTime", .string(timestamp(now()))), ("FundsAvailable", .bool(true)),
            ])
            return .json(
                200,
                .object([
                    ("Data", .object([("FundsAvailableResult", result)])), links(request.path), Self.meta,
                ]))
        case let .success(consent):
            return .obError(
                400, OBErrorCode.invalidConsentStatus, "the consent is \(consent.status.rawValue), not Authorised")
        case let .failure(refusal): return refusal
        }
    }

    /// The payment: the PSU's token for this consent, the consent's exact Initiation and Risk; the consent
    /// is then Consumed, and a replay with the same key and body gets the same payment.
    func createPayment(_ request: MockRequest, client: ClientIdentity) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "payments", psu: true) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        return idempotent(request, client: token.clientID) {
            let body: JSONValue
            switch Self.jsonBody(request) {
            case let .success(value): body = value
            case let .failure(refusal): return refusal
            }
            guard let consentID = body["Data"]?["ConsentId"]?.text else {
                return .obError(400, OBErrorCode.fieldMissing, "Data.ConsentId is required", path: "Data.ConsentId")
            }
            guard consentID == token.consentID else {
                return .obError(
                    400, OBErrorCode.consentMismatch, "Data.ConsentId is not the consent this token was issued for",
                    path: "Data.ConsentId")
            }
            let consent: StoredConsent
            switch ownedConsent(consentID, client: token.clientID, payment: true) {
            case let .success(found): consent = found
            case let .failure(refusal): return refusal
            }
            guard case let .domesticPayment(initiation, risk) = consent.kind else { return Self.certificateRequired() }
            guard consent.status == .authorised else {
                return .obError(
                    400, OBErrorCode.invalidConsentStatus, "the consent is \(consent.status.rawValue), not Authorised",
                    path: "Data.ConsentId")
            }
            guard let given = body["Data"]?["Initiation"], Self.sameJSON(given, initiation) else {
                return .obError(
                    400, OBErrorCode.consentMismatch, "Data.Initiation differs from the consent's",
                    path: "Data.Initiation")
            }
            guard let givenRisk = body["Risk"], Self.sameJSON(givenRisk, risk) else {
                return .obError(400, OBErrorCode.consentMismatch, "Risk differs from the consent's", path: "Risk")
            }
            let payment = StoredPayment(
                id: "pv3-" + UUID().uuidString.lowercased(), consentID: consentID, clientID: token.clientID,
                created: now(), initiation: initiation)
            state.withLockedValue { state in
                state.payments[payment.id] = payment
                state.consents[consentID]?.status = .consumed
                state.consents[consentID]?.updated = now()
            }
            return .json(
                201, paymentJSON(payment, status: "AcceptedSettlementInProcess", path: request.path + "/" + payment.id))
        }
    }

    func payment(_ request: MockRequest, client: ClientIdentity, id: String) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "payments", psu: nil) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        guard let payment = state.withLockedValue({ $0.payments[id] }), payment.clientID == token.clientID else {
            return .obError(400, OBErrorCode.resourceNotFound, "no payment '\(id)'", path: "DomesticPaymentId")
        }
        // A sandbox payment settles at once: the first read sees it completed.
        return .json(200, paymentJSON(payment, status: "AcceptedSettlementCompleted", path: request.path))
    }

    private func paymentJSON(_ payment: StoredPayment, status: String, path: String) -> JSONValue {
        .object([
            (
                "Data",
                .object([
                    ("DomesticPaymentId", .string(payment.id)), ("ConsentId", .string(payment.consentID)),
                    ("CreationDateTime", .string(timestamp(payment.created))), ("Status", .string(status)),
                    ("StatusUpdateDateTime", .string(timestamp(payment.created))), ("Initiation", payment.initiation),
                ])
            ),
            links(path), Self.meta,
        ])
    }
}
