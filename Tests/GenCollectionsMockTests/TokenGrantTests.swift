import Foundation
import Testing

@testable import GenCollectionsMock

/// The token endpoint's grants and refusals (RFC 6749 error bodies).
@Suite struct TokenGrantTests {
    @Test func clientCredentialsGivesABearerTokenForTheScope() throws {
        let bank = try BankHarness()
        let response = bank.token([("grant_type", "client_credentials"), ("scope", "accounts openid")])
        #expect(response.status == 200)
        #expect(response.value("token_type") == "Bearer")
        #expect(response.value("scope") == "accounts openid")
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test func wrongSecretUnknownScopeAndMissingCertificateAreRefused() throws {
        let bank = try BankHarness()
        let wrong = Data("\(bank.client.id):nope".utf8).base64EncodedString()
        let refused = bank.token([("grant_type", "client_credentials"), ("scope", "accounts")], basic: wrong)
        #expect(refused.status == 401)
        #expect(refused.errorCode == "invalid_client")
        let scope = bank.token([("grant_type", "client_credentials"), ("scope", "accounts admin")])
        #expect(scope.status == 400)
        #expect(scope.errorCode == "invalid_scope")
        let noCertificate = bank.token(
            [("grant_type", "client_credentials"), ("scope", "accounts")], certificate: nil)
        #expect(noCertificate.status == 401)
        #expect(bank.token([("grant_type", "password")]).errorCode == "unsupported_grant_type")
    }

    @Test func authorizationCodeIsSingleUseAndAReplayRevokesItsTokens() throws {
        let bank = try BankHarness()
        let consent = try #require(bank.createAccountConsent(bank.clientToken("accounts")).value("Data.ConsentId"))
        let code = try #require(BankHarness.redirectParameter(bank.send("GET", bank.consentURL(consent)), "code"))
        let first = bank.exchange(code)
        #expect(first.status == 200)
        let token = try #require(first.value("access_token"))
        #expect(first.value("refresh_token") != nil)
        #expect(first.value("id_token")?.hasSuffix(".") == true)
        let accounts = bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token))
        #expect(accounts.status == 200)

        let replay = bank.exchange(code)
        #expect(replay.status == 400)
        #expect(replay.errorCode == "invalid_grant")
        let afterReplay = bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token))
        #expect(afterReplay.status == 401)
    }

    @Test func aCodeBelongsToItsClientAndRedirectURIAndExpires() throws {
        let bank = try BankHarness()
        let consent = try #require(bank.createAccountConsent(bank.clientToken("accounts")).value("Data.ConsentId"))
        let code = try #require(BankHarness.redirectParameter(bank.send("GET", bank.consentURL(consent)), "code"))
        let other = try #require(
            bank.send(
                "POST", "/dynamic-client-registration/v3.2/register", headers: [("Content-Type", "application/jwt")],
                body: RegistrationTests.jwt(["redirect_uris": #"["https://other.example/cb"]"#])
            ).json)
        let otherBasic = Data(
            "\(other["client_id"]?.text ?? ""):\(other["client_secret"]?.text ?? "")".utf8
        ).base64EncodedString()
        let stolen = bank.token(
            [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", "https://other.example/cb")],
            basic: otherBasic)
        #expect(stolen.errorCode == "invalid_grant")
        let wrongRedirect = bank.token(
            [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", "https://tpp.example/other")])
        #expect(wrongRedirect.errorCode == "invalid_grant")
        bank.clock.advance(bank.bank.configuration.codeLifetime + 1)
        #expect(bank.exchange(code).errorCode == "invalid_grant")
    }

    @Test func tokensAreBoundToTheClientCertificate() throws {
        let bank = try BankHarness()
        let token = bank.clientToken("accounts")
        let stolen = bank.send(
            "POST", "/open-banking/v3.1/aisp/account-access-consents",
            headers: bank.fapi(token, extra: [("Content-Type", "application/json")]),
            body: #"{"Data":{"Permissions":["ReadAccountsBasic"]},"Risk":{}}"#,
            certificate: BankHarness.otherCertificate)
        #expect(stolen.status == 401)
        #expect(stolen.header("WWW-Authenticate")?.contains("invalid_token") == true)
    }

    @Test func refreshTokenGivesANewAccessTokenUntilTheConsentIsRevoked() throws {
        let bank = try BankHarness()
        let consent = try #require(bank.createAccountConsent(bank.clientToken("accounts")).value("Data.ConsentId"))
        let code = try #require(BankHarness.redirectParameter(bank.send("GET", bank.consentURL(consent)), "code"))
        let refresh = try #require(bank.exchange(code).value("refresh_token"))
        let renewed = bank.token([("grant_type", "refresh_token"), ("refresh_token", refresh)])
        #expect(renewed.status == 200)
        let token = try #require(renewed.value("access_token"))
        #expect(bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token)).status == 200)

        let revoke = bank.send(
            "DELETE", "/open-banking/v3.1/aisp/account-access-consents/\(consent)",
            headers: bank.fapi(bank.clientToken("accounts")))
        #expect(revoke.status == 204)
        #expect(bank.token([("grant_type", "refresh_token"), ("refresh_token", refresh)]).errorCode == "invalid_grant")
        #expect(bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token)).status == 401)
    }

    @Test func anExpiredAccessTokenIsRefused() throws {
        let bank = try BankHarness()
        let (_, token) = bank.accountsAccessToken()
        bank.clock.advance(bank.bank.configuration.tokenLifetime + 1)
        let response = bank.send("GET", "/open-banking/v3.1/aisp/accounts", headers: bank.fapi(token))
        #expect(response.status == 401)
    }
}
