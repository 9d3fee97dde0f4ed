import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Account information: account-access consents and the PSU's accounts, balances and transactions.
extension MockBank {
    static let permissionCodes: Set<String> = [
        "ReadAccountsBasic", "ReadAccountsDetail", "ReadBalances", "ReadBeneficiariesBasic", "ReadBeneficiariesDetail",
        "ReadDirectDebits", "ReadOffers", "ReadPAN", "ReadParty", "ReadPartyPSU", "ReadProducts",
        "ReadScheduledPaymentsBasic", "ReadScheduledPaymentsDetail", "ReadStandingOrdersBasic",
        "ReadStandingOrdersDetail", "ReadStatementsBasic", "ReadStatementsDetail", "ReadTransactionsBasic",
        "ReadTransactionsCredits", "ReadTransactionsDebits", "ReadTransactionsDetail",
    ]

    /// Whether the spec has a supported transactions step: without one, ReadTransactions* is refused.
    var supportsTransactions: Bool {
        spec.includedFlows(includeUnsupported: false).flatMap(\.steps).contains {
            URLParts($0.url.value).path.last == "transactions"
        }
    }

    func createAccountConsent(_ request: MockRequest, client: ClientIdentity) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "accounts", psu: false) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        let body: JSONValue
        switch Self.jsonBody(request) {
        case let .success(value): body = value
        case let .failure(refusal): return refusal
        }
        guard let permissions = body["Data"]?["Permissions"]?.items, !permissions.isEmpty else {
            return .obError(
                400, OBErrorCode.fieldMissing, "Data.Permissions must list at least one permission",
                path: "Data.Permissions")
        }
        let codes = permissions.compactMap(\.text)
        if let problem = permissionProblem(codes, count: permissions.count) {
            return .obError(400, OBErrorCode.fieldInvalid, problem, path: "Data.Permissions")
        }
        guard body["Risk"]?.members != nil else {
            return .obError(400, OBErrorCode.fieldMissing, "Risk is required (it may be {})", path: "Risk")
        }
        let id = "aac-" + UUID().uuidString.lowercased()
        let consent = StoredConsent(
            id: id, kind: .accountAccess(permissions: codes), clientID: token.clientID,
            status: .awaitingAuthorisation, created: now(), updated: now(), request: body)
        state.withLockedValue { $0.consents[id] = consent }
        return .json(201, accountConsentJSON(consent, path: request.path + "/" + id))
    }

    private func permissionProblem(_ codes: [String], count: Int) -> String? {
        if codes.count != count { return "Data.Permissions must be a list of strings" }
        if let unknown = codes.first(where: { !Self.permissionCodes.contains($0) }) {
            return "'\(unknown)' is not an Open Banking permission"
        }
        let set = Set(codes)
        if set.isDisjoint(with: ["ReadAccountsBasic", "ReadAccountsDetail"]) {
            return "Data.Permissions must include ReadAccountsBasic or ReadAccountsDetail"
        }
        let reads: Set<String> = ["ReadTransactionsBasic", "ReadTransactionsDetail"]
        let directions: Set<String> = ["ReadTransactionsCredits", "ReadTransactionsDebits"]
        if !set.isDisjoint(with: reads) || !set.isDisjoint(with: directions) {
            if !supportsTransactions { return "this bank does not support transactions (ReadTransactions*)" }
            if set.isDisjoint(with: reads) || set.isDisjoint(with: directions) {
                return "ReadTransactionsBasic/Detail and ReadTransactionsCredits/Debits go together"
            }
        }
        return nil
    }

    func accountConsentJSON(_ consent: StoredConsent, path: String) -> JSONValue {
        guard case let .accountAccess(permissions) = consent.kind else { return .null }
        var data: [(key: String, value: JSONValue)] = [
            ("ConsentId", .string(consent.id)), ("CreationDateTime", .string(timestamp(consent.created))),
            ("Status", .string(consent.status.rawValue)),
            ("StatusUpdateDateTime", .string(timestamp(consent.updated))),
            ("Permissions", .array(permissions.map(JSONValue.string))),
        ]
        for key in ["ExpirationDateTime", "TransactionFromDateTime", "TransactionToDateTime"] {
            if let value = consent.request["Data"]?[key] { data.append((key, value)) }
        }
        return .object([("Data", .object(data)), ("Risk", .object([])), links(path), Self.meta])
    }

    func accountConsent(_ request: MockRequest, client: ClientIdentity, id: String) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "accounts", psu: false) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        switch ownedConsent(id, client: token.clientID, payment: false) {
        case let .success(consent): return .json(200, accountConsentJSON(consent, path: request.path))
        case let .failure(refusal): return refusal
        }
    }

    /// DELETE: the consent is Revoked, and every token acting for it stops working.
    func revokeAccountConsent(_ request: MockRequest, client: ClientIdentity, id: String) -> MockResponse {
        let token: AccessToken
        switch bearer(request, client: client, scope: "accounts", psu: false) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        if case let .failure(refusal) = ownedConsent(id, client: token.clientID, payment: false) { return refusal }
        state.withLockedValue { state in
            state.consents[id]?.status = .revoked
            state.consents[id]?.updated = now()
            state.tokens = state.tokens.filter { $0.value.consentID != id }
            state.refreshTokens = state.refreshTokens.filter { $0.value.consentID != id }
        }
        return .noContent()
    }

    // MARK: - Data

    func accountData(
        _ request: MockRequest, client: ClientIdentity, pattern: String, accountID: String?
    )
        -> MockResponse
    {
        let token: AccessToken
        switch bearer(request, client: client, scope: "accounts", psu: true) {
        case let .success(found): token = found
        case let .failure(refusal): return refusal
        }
        guard let consent = state.withLockedValue({ $0.consents[token.consentID ?? ""] }),
            consent.status == .authorised, case let .accountAccess(permissions) = consent.kind
        else {
            return Self.invalidToken("the consent behind this token is no longer authorised")
        }
        let granted = Set(permissions)
        let needed: Set<String>
        if pattern.hasSuffix("balances") {
            needed = ["ReadBalances"]
        } else if pattern.hasSuffix("transactions") {
            needed = ["ReadTransactionsBasic", "ReadTransactionsDetail"]
        } else {
            needed = ["ReadAccountsBasic", "ReadAccountsDetail"]
        }
        guard !granted.isDisjoint(with: needed) else {
            return .obError(
                403, OBErrorCode.unauthorized,
                "the consent does not grant \(needed.sorted().joined(separator: " or "))")
        }
        let index = configuration.users.firstIndex { $0.name == consent.user } ?? 0
        let all = SandboxData.accounts(of: configuration.users[index], index: index)
        var accounts = all.filter { consent.accountIDs.contains($0.id) }
        if let accountID {
            guard let account = accounts.first(where: { $0.id == accountID }) else {
                return .obError(
                    400, OBErrorCode.resourceNotFound, "no account '\(accountID)' in this consent", path: "AccountId")
            }
            accounts = [account]
        }
        let data: (key: String, value: JSONValue)
        if pattern.hasSuffix("balances") {
            data = ("Balance", .array(accounts.map(SandboxData.balanceJSON)))
        } else if pattern.hasSuffix("transactions") {
            let detail = granted.contains("ReadTransactionsDetail")
            let credits = granted.contains("ReadTransactionsCredits")
            let debits = granted.contains("ReadTransactionsDebits")
            let entries = accounts.flatMap { SandboxData.transactionsJSON($0, detail: detail) }.filter { entry in
                entry["CreditDebitIndicator"]?.text == "Credit" ? credits : debits
            }
            data = ("Transaction", .array(entries))
        } else {
            let detail = granted.contains("ReadAccountsDetail")
            data = ("Account", .array(accounts.map { SandboxData.accountJSON($0, detail: detail) }))
        }
        return .json(200, .object([("Data", .object([data])), links(request.path), Self.meta]))
    }
}
