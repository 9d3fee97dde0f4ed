import Foundation
import GenCollectionsBase
import GenCollectionsCore
import NIOConcurrencyHelpers

@testable import GenCollectionsMock

/// Drives a `MockBank` the way the generated collection does, without sockets: one helper per request.
struct BankHarness {
    static let origin = "https://127.0.0.1:8443"
    static let certificate = ClientIdentity(subject: "CN=tpp", thumbprint: "aa")
    static let otherCertificate = ClientIdentity(subject: "CN=someone else", thumbprint: "bb")

    let bank: MockBank
    let clock: TestClock
    var client: RegisteredClient { bank.testClient }
    var financialID: String { bank.configuration.financialID ?? "" }

    init(psu: PSUMode = .headless, spec: Spec? = nil) throws {
        let spec = try spec ?? DefaultSpec.load()
        let clock = TestClock()
        self.clock = clock
        bank = MockBank(
            spec: spec,
            configuration: MockConfiguration(
                origin: Self.origin, psuMode: psu, financialID: MockConfiguration.financialID(in: spec)),
            now: { clock.now })
    }

    func send(
        _ method: String, _ target: String, headers: [(String, String)] = [], body: String = "",
        certificate: ClientIdentity? = Self.certificate
    ) -> MockResponse {
        bank.handle(
            MockRequest(
                method: method, target: target, headers: headers.map { (name: $0.0, value: $0.1) },
                body: Array(body.utf8), client: certificate))
    }

    // MARK: - Token endpoint

    func token(
        _ form: [(String, String)], basic: String? = nil, certificate: ClientIdentity? = Self.certificate
    )
        -> MockResponse
    {
        send(
            "POST", "/token",
            headers: [
                ("Authorization", "Basic \(basic ?? client.basicToken)"),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ], body: FormEncoding.encode(form), certificate: certificate)
    }

    func clientToken(_ scope: String, certificate: ClientIdentity? = Self.certificate) -> String {
        token([("grant_type", "client_credentials"), ("scope", "\(scope) openid")], certificate: certificate)
            .json?["access_token"]?.text ?? ""
    }

    func exchange(_ code: String, certificate: ClientIdentity? = Self.certificate) -> MockResponse {
        token(
            [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", MockBank.testRedirectURI)],
            certificate: certificate)
    }

    // MARK: - Resource server

    func fapi(_ token: String, extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("Authorization", "Bearer \(token)"), ("x-fapi-financial-id", financialID),
            ("x-fapi-interaction-id", UUID().uuidString.lowercased()),
        ] + extra
    }

    func createAccountConsent(
        _ token: String, permissions: String = #"["ReadAccountsBasic","ReadAccountsDetail","ReadBalances"]"#
    ) -> MockResponse {
        send(
            "POST", "/open-banking/v3.1/aisp/account-access-consents",
            headers: fapi(token, extra: [("Content-Type", "application/json")]),
            body: #"{"Data":{"Permissions":\#(permissions)},"Risk":{}}"#)
    }

    static let initiation = """
        {"InstructionIdentification":"I1","EndToEndIdentification":"E1","InstructedAmount":{"Amount":"1.00",\
        "Currency":"GBP"},"CreditorAccount":{"SchemeName":"UK.OBIE.SortCodeAccountNumber","Identification":\
        "08080021325698","Name":"ACME Inc"}}
        """

    func createPaymentConsent(_ token: String, key: String?, initiation: String = Self.initiation) -> MockResponse {
        var headers = fapi(token, extra: [("Content-Type", "application/json")])
        if let key { headers.append(("x-idempotency-key", key)) }
        return send(
            "POST", "/open-banking/v3.1/pisp/domestic-payment-consents", headers: headers,
            body: #"{"Data":{"Initiation":\#(initiation)},"Risk":{"PaymentContextCode":"TransferToThirdParty"}}"#)
    }

    func createPayment(
        _ token: String, consent: String, key: String, initiation: String = Self.initiation
    )
        -> MockResponse
    {
        send(
            "POST", "/open-banking/v3.1/pisp/domestic-payments",
            headers: fapi(token, extra: [("Content-Type", "application/json"), ("x-idempotency-key", key)]),
            body: #"{"Data":{"ConsentId":"\#(consent)","Initiation":\#(initiation)},"#
                + #""Risk":{"PaymentContextCode":"TransferToThirdParty"}}"#)
    }

    // MARK: - Authorisation

    /// The consent URL as the collection's pre-request script builds it (unsigned request object).
    func consentURL(
        _ consent: String, scope: String = "openid accounts", responseType: String = "code id_token",
        redirect: String = MockBank.testRedirectURI, audience: String = Self.origin, clientID: String? = nil
    ) -> String {
        let id = clientID ?? client.id
        let claims = """
            {"iss":"\(id)","aud":"\(audience)","response_type":"\(responseType)","client_id":"\(id)",\
            "redirect_uri":"\(redirect)","scope":"\(scope)","state":"s-1","nonce":"n-1",\
            "claims":{"id_token":{"openbanking_intent_id":{"value":"\(consent)","essential":true}}}}
            """
        let request =
            Base64URL.encode(Array(#"{"alg":"none"}"#.utf8)) + "." + Base64URL.encode(Array(claims.utf8)) + "."
        return "/auth?"
            + FormEncoding.encode([
                ("client_id", id), ("response_type", responseType), ("scope", scope), ("redirect_uri", redirect),
                ("state", "s-1"), ("nonce", "n-1"), ("request", request),
            ])
    }

    /// A parameter of a redirect's Location: fragment first, then query.
    static func redirectParameter(_ response: MockResponse, _ name: String) -> String? {
        guard let location = response.header("Location") else { return nil }
        let parts = location.split(separator: "#", maxSplits: 1).map(String.init)
        let query = parts[0].split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        for text in (parts.count > 1 ? [parts[1]] : []) + [query] {
            if let value = FormEncoding.decode(text)[name] { return value }
        }
        return nil
    }

    /// Client token → account consent → headless approval → auth-code token.
    func accountsAccessToken() -> (consent: String, token: String) {
        let consent = createAccountConsent(clientToken("accounts")).json?.value(at: JSONPath("Data.ConsentId")!)?.text
        let code = Self.redirectParameter(send("GET", consentURL(consent ?? "")), "code") ?? ""
        return (consent ?? "", exchange(code).json?["access_token"]?.text ?? "")
    }
}

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let time = NIOLockedValueBox(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { time.withLockedValue { $0 } }
    func advance(_ seconds: Double) { time.withLockedValue { $0 += seconds } }
}

extension MockResponse {
    /// `Errors[0].ErrorCode` of an Open Banking error body, or the `error` of an OAuth one.
    var errorCode: String? {
        json?.value(at: JSONPath("Errors[0].ErrorCode")!)?.text ?? json?["error"]?.text
    }

    func value(_ path: String) -> String? { json?.value(at: JSONPath(path)!)?.text }
}
