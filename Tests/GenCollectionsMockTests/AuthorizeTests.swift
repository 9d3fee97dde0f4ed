import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing

@testable import GenCollectionsMock

/// The authorisation endpoint: request object, redirect URI, response types, and the two PSU modes.
@Suite struct AuthorizeTests {
    func newConsent(_ bank: BankHarness) throws -> String {
        try #require(bank.createAccountConsent(bank.clientToken("accounts")).value("Data.ConsentId"))
    }

    @Test func codeGoesInTheQueryForCodeAndInTheFragmentForCodeIdToken() throws {
        let bank = try BankHarness()
        let hybrid = bank.send("GET", bank.consentURL(try newConsent(bank)))
        #expect(hybrid.header("Location")?.hasPrefix(MockBank.testRedirectURI + "#code=") == true)
        #expect(BankHarness.redirectParameter(hybrid, "id_token") != nil)
        let plain = bank.send("GET", bank.consentURL(try newConsent(bank), responseType: "code"))
        #expect(plain.header("Location")?.hasPrefix(MockBank.testRedirectURI + "?code=") == true)
        #expect(BankHarness.redirectParameter(plain, "state") == "s-1")
    }

    @Test func anUnregisteredRedirectOrUnknownClientIsShownNotRedirected() throws {
        let bank = try BankHarness()
        let consent = try newConsent(bank)
        let redirect = bank.send("GET", bank.consentURL(consent, redirect: "https://evil.example/"))
        #expect(redirect.status == 400)
        #expect(redirect.header("Location") == nil)
        #expect(bank.send("GET", bank.consentURL(consent, clientID: "nobody")).status == 400)
    }

    @Test func badRequestObjectsScopesAndConsentsRedirectWithAnError() throws {
        let bank = try BankHarness()
        let consent = try newConsent(bank)
        let audience = bank.send("GET", bank.consentURL(consent, audience: "https://elsewhere"))
        #expect(BankHarness.redirectParameter(audience, "error") == "invalid_request_object")
        let scope = bank.send("GET", bank.consentURL(consent, scope: "openid payments"))
        #expect(BankHarness.redirectParameter(scope, "error") == "invalid_scope")
        let unknown = bank.send("GET", bank.consentURL("aac-nope"))
        #expect(BankHarness.redirectParameter(unknown, "error") == "invalid_request")
        let noObject = bank.send(
            "GET",
            "/auth?client_id=\(bank.client.id)&redirect_uri=\(FormEncoding.escape(MockBank.testRedirectURI))"
                + "&response_type=code&scope=openid%20accounts&state=s")
        #expect(BankHarness.redirectParameter(noObject, "error") == "invalid_request_object")
        #expect(BankHarness.redirectParameter(noObject, "state") == "s")
    }

    @Test func loginModeShowsAFormThatChangesNothingUntilThePSUPostsIt() throws {
        let bank = try BankHarness(psu: .login)
        let consent = try newConsent(bank)
        let url = bank.consentURL(consent)
        let page = bank.send("GET", url)
        #expect(page.status == 200)
        #expect(page.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(page.bodyText.contains("rora"))
        #expect(!page.bodyText.contains("rora."))  // names the users, never their passwords
        let status = bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/\(consent)",
            headers: bank.fapi(bank.clientToken("accounts")))
        #expect(status.value("Data.Status") == "AwaitingAuthorisation")

        let query = String(url.split(separator: "?", maxSplits: 1)[1])
        let form = [("Content-Type", "application/x-www-form-urlencoded")]
        let wrong = bank.send(
            "POST", "/auth", headers: form, body: query + "&username=rora&password=nope&action=approve")
        #expect(wrong.status == 401)
        let approved = bank.send(
            "POST", "/auth", headers: form, body: query + "&username=mits&password=mits.&action=approve")
        let code = try #require(BankHarness.redirectParameter(approved, "code"))
        let token = try #require(bank.exchange(code).value("access_token"))
        let accounts = bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token))
        #expect(accounts.value("Data.Account[0].AccountId") == "mits-1")
    }

    @Test func denyingRejectsTheConsent() throws {
        let bank = try BankHarness(psu: .login)
        let consent = try newConsent(bank)
        let query = String(bank.consentURL(consent).split(separator: "?", maxSplits: 1)[1])
        let denied = bank.send(
            "POST", "/auth", headers: [("Content-Type", "application/x-www-form-urlencoded")],
            body: query + "&action=deny")
        #expect(BankHarness.redirectParameter(denied, "error") == "access_denied")
        let status = bank.send(
            "GET", "/open-banking/v3.1/aisp/account-access-consents/\(consent)",
            headers: bank.fapi(bank.clientToken("accounts")))
        #expect(status.value("Data.Status") == "Rejected")
    }

    @Test func theLoginPageEscapesWhatItEchoes() throws {
        let bank = try BankHarness(psu: .login)
        let url = bank.consentURL(try newConsent(bank)).replacingOccurrences(
            of: "state=s-1", with: "state=%22%3E%3Cscript%3E")
        let page = bank.send("GET", url)
        #expect(!page.bodyText.contains("<script>"))
        #expect(page.bodyText.contains("&quot;&gt;&lt;script&gt;"))
    }

    @Test func discoveryNamesTheMocksEndpoints() throws {
        let bank = try BankHarness()
        let document = bank.send("GET", "/auth/.well-known/openid-configuration", certificate: nil)
        #expect(document.value("token_endpoint") == BankHarness.origin + "/token")
        #expect(document.value("issuer") == BankHarness.origin)
    }
}
