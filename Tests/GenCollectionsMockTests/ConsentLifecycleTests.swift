import Foundation
import Testing

@testable import GenCollectionsMock

/// Account-access consents: AwaitingAuthorisation → Authorised → Revoked, permissions, data and the FAPI headers.
@Suite struct ConsentLifecycleTests {
    func status(_ bank: BankHarness, _ consent: String) -> String? {
        bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/\(consent)",
            headers: bank.fapi(bank.clientToken("accounts"))
        ).value("Data.Status")
    }

    @Test func aConsentMovesFromAwaitingToAuthorisedToRevoked() throws {
        let bank = try BankHarness()
        let created = bank.createAccountConsent(bank.clientToken("accounts"))
        #expect(created.status == 201)
        let consent = try #require(created.value("Data.ConsentId"))
        #expect(created.value("Data.Status") == "AwaitingAuthorisation")
        #expect(created.value("Links.Self")?.hasSuffix("/account-access-consents/\(consent)") == true)
        let approval = bank.send("GET", bank.consentURL(consent))
        #expect(approval.status == 302)
        #expect(BankHarness.redirectParameter(approval, "state") == "s-1")
        #expect(status(bank, consent) == "Authorised")
        #expect(
            bank.send(
                "DELETE", "/open-banking/v3.1/aisp/account-access-consents/\(consent)",
                headers: bank.fapi(bank.clientToken("accounts"))
            ).status == 204)
        #expect(status(bank, consent) == "Revoked")
        let again = bank.send("GET", bank.consentURL(consent))
        #expect(BankHarness.redirectParameter(again, "error") == "invalid_request")
    }

    @Test func theConsentCheckRequestAndThePSUsVisitBothWorkUntilTheCodeIsUsed() throws {
        let bank = try BankHarness()
        let consent = try #require(bank.createAccountConsent(bank.clientToken("accounts")).value("Data.ConsentId"))
        let check = bank.send("GET", bank.consentURL(consent))  // the collection's own check
        let visit = bank.send("GET", bank.consentURL(consent))  // the PSU's
        let code = try #require(BankHarness.redirectParameter(visit, "code"))
        #expect(BankHarness.redirectParameter(check, "code") != code)
        #expect(bank.exchange(code).status == 200)
        let late = bank.send("GET", bank.consentURL(consent))
        #expect(BankHarness.redirectParameter(late, "error") == "invalid_request")
    }

    @Test func accountsAndBalancesAreDeterministicForTheSandboxUser() throws {
        let bank = try BankHarness()
        let (_, token) = bank.accountsAccessToken()
        let accounts = bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token))
        #expect(accounts.value("Data.Account[0].AccountId") == "rora-1")
        #expect(accounts.value("Data.Account[0].Account[0].SchemeName") == "UK.OBIE.SortCodeAccountNumber")
        let balances = bank.send("GET", "/open-banking/v3.1/aisp/accounts/rora-1/balances", headers: bank.fapi(token))
        #expect(balances.value("Data.Balance[0].Amount.Amount") == "1010.01")
        let unknown = bank.send("GET", "/open-banking/v3.1/aisp/accounts/mits-1", headers: bank.fapi(token))
        #expect(unknown.status == 400)
        #expect(unknown.errorCode == "UK.OBIE.Resource.NotFound")
    }

    @Test func permissionsLimitTheData() throws {
        let bank = try BankHarness()
        let consent = try #require(
            bank.createAccountConsent(bank.clientToken("accounts"), permissions: #"["ReadAccountsBasic"]"#)
                .value("Data.ConsentId"))
        let code = try #require(BankHarness.redirectParameter(bank.send("GET", bank.consentURL(consent)), "code"))
        let token = try #require(bank.exchange(code).value("access_token"))
        let accounts = bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token))
        #expect(accounts.json?["Data"]?["Account"]?.items?.first?["Account"] == nil)
        let balances = bank.send("GET", "/open-banking/v3.1/aisp/accounts/rora-1/balances", headers: bank.fapi(token))
        #expect(balances.status == 403)
    }

    @Test func badPermissionsAndUnsupportedTransactionsAreRefused() throws {
        let bank = try BankHarness()
        let token = bank.clientToken("accounts")
        for permissions in [#"[]"#, #"["ReadBalances"]"#, #"["ReadAccountsBasic","ReadEverything"]"#] {
            let response = bank.createAccountConsent(token, permissions: permissions)
            #expect(response.status == 400, "\(permissions)")
        }
        let transactions = bank.createAccountConsent(
            token, permissions: #"["ReadAccountsBasic","ReadTransactionsBasic","ReadTransactionsCredits"]"#)
        #expect(transactions.status == 400)
        #expect(transactions.json.map { $0.rendered(indent: nil).contains("does not support transactions") } == true)
        // Monese marks the transactions step unsupported: its path answers 404 with the OB error shape.
        let (_, psuToken) = bank.accountsAccessToken()
        let unsupported = bank.send(
            "GET", "/open-banking/v3.1/aisp/accounts/rora-1/transactions", headers: bank.fapi(psuToken))
        #expect(unsupported.status == 404)
        #expect(unsupported.value("Code") == "404 NotFound")
    }

    @Test func unknownConsentAndWrongScopeAndWrongGrant() throws {
        let bank = try BankHarness()
        let unknown = bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/aac-nope",
            headers: bank.fapi(bank.clientToken("accounts")))
        #expect(unknown.status == 400)
        #expect(unknown.errorCode == "UK.OBIE.Resource.NotFound")
        let paymentsToken = bank.clientToken("payments")
        #expect(bank.createAccountConsent(paymentsToken).status == 403)
        let clientToken = bank.clientToken("accounts")
        #expect(bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(clientToken)).status == 403)
    }

    @Test func fapiHeadersAreCheckedAndTheInteractionIdIsEchoed() throws {
        let bank = try BankHarness()
        let token = bank.clientToken("accounts")
        let missing = bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/x", headers: [("Authorization", "Bearer \(token)")])
        #expect(missing.status == 400)
        #expect(missing.errorCode == "UK.OBIE.Header.Missing")
        let wrong = bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/x",
            headers: [("Authorization", "Bearer \(token)"), ("x-fapi-financial-id", "someone-else")])
        #expect(wrong.errorCode == "UK.OBIE.Header.Invalid")
        let badDate = bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/x",
            headers: bank.fapi(token, extra: [("x-fapi-auth-date", "yesterday")]))
        #expect(badDate.errorCode == "UK.OBIE.Header.Invalid")
        let id = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
        let echoed = bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/x",
            headers: [
                ("Authorization", "Bearer \(token)"), ("x-fapi-financial-id", bank.financialID),
                ("x-fapi-interaction-id", id),
            ])
        #expect(echoed.header("x-fapi-interaction-id") == id)
        #expect(UUID(uuidString: bank.send("GET", "/nowhere").header("x-fapi-interaction-id") ?? "") != nil)
    }

    @Test func resourcesNeedAClientCertificate() throws {
        let bank = try BankHarness()
        let response = bank.send("GET", "/open-banking/v3.1/aisp/accounts", certificate: nil)
        #expect(response.status == 401)
        #expect(response.value("Errors[0].Message")?.contains("client certificate") == true)
    }
}
