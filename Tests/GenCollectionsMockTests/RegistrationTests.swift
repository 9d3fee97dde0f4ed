import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing

@testable import GenCollectionsMock

/// DCR (`application/jwt` → client id and secret) and the helper API's environment download.
@Suite struct RegistrationTests {
    /// A registration JWT (unsigned: the mock does not check signatures); `claims` replaces default members.
    static func jwt(_ claims: [String: String] = [:]) -> String {
        let ssa =
            Base64URL.encode(Array(#"{"alg":"none"}"#.utf8)) + "."
            + Base64URL.encode(Array(#"{"software_id":"s1"}"#.utf8)) + ".sig"
        var members: [String: String] = [
            "aud": #""0015800001ZEc3hAAD""#, "token_endpoint_auth_method": #""client_secret_basic""#,
            "grant_types": #"["authorization_code","client_credentials"]"#, "scope": #""openid accounts payments""#,
            "redirect_uris": #"["https://tpp.example/other"]"#, "software_statement": "\"\(ssa)\"",
        ]
        members.merge(claims) { _, new in new }
        let body = "{" + members.keys.sorted().map { "\"\($0)\":\(members[$0]!)" }.joined(separator: ",") + "}"
        return Base64URL.encode(Array(#"{"alg":"PS256","kid":"k"}"#.utf8)) + "."
            + Base64URL.encode(Array(body.utf8)) + ".c2lnbmF0dXJl"
    }

    func register(_ bank: BankHarness, _ body: String, type: String = "application/jwt") -> MockResponse {
        bank.send(
            "POST", "/dynamic-client-registration/v3.2/register", headers: [("Content-Type", type)], body: body)
    }

    @Test func registrationReturnsAClientThatCanGetTokens() throws {
        let bank = try BankHarness()
        let reply = register(bank, Self.jwt())
        #expect(reply.status == 201)
        let id = try #require(reply.value("client_id"))
        let secret = try #require(reply.value("client_secret"))
        let token = bank.token(
            [("grant_type", "client_credentials"), ("scope", "accounts")],
            basic: Data("\(id):\(secret)".utf8).base64EncodedString())
        #expect(token.status == 200)
    }

    @Test func badRegistrationsGetRFC7591Errors() throws {
        let bank = try BankHarness()
        #expect(register(bank, Self.jwt(), type: "application/json").errorCode == "invalid_client_metadata")
        #expect(register(bank, "not a jwt").errorCode == "invalid_client_metadata")
        #expect(
            register(bank, Self.jwt(["token_endpoint_auth_method": #""private_key_jwt""#])).errorCode
                == "invalid_client_metadata")
        #expect(register(bank, Self.jwt(["redirect_uris": #"["http://plain"]"#])).errorCode == "invalid_redirect_uri")
        #expect(register(bank, Self.jwt(["aud": #""another-bank""#])).errorCode == "invalid_client_metadata")
        #expect(register(bank, Self.jwt(["software_statement": #""x""#])).errorCode == "invalid_software_statement")
    }

    @Test func theHelperEnvironmentPointsAtTheMock() throws {
        let bank = try BankHarness()
        let response = bank.send(
            "GET", "/ozone/v1.0/postman/environment", headers: [("Authorization", "Basic \(bank.client.basicToken)")])
        #expect(response.status == 200)
        let values = Dictionary(
            uniqueKeysWithValues: (response.json?["values"]?.items ?? []).compactMap { entry in
                entry["key"]?.text.map { ($0, entry["value"]?.text ?? "") }
            })
        #expect(values["rs"] == BankHarness.origin)
        #expect(values["tokenEndpoint"] == BankHarness.origin + "/token")
        #expect(values["authEndpoint"] == BankHarness.origin + "/auth")
        #expect(values["basicToken"] == bank.client.basicToken)
        #expect(values["clientId"] == bank.client.id)
        #expect(values["obParticipantId"] == "0015800001ZEc3hAAD")
        let secretType = response.json?["values"]?.items?.first { $0["key"]?.text == "basicToken" }?["type"]?.text
        #expect(secretType == "secret")
        let refused = bank.send("GET", "/ozone/v1.0/postman/environment", headers: [("Authorization", "Basic eDp5")])
        #expect(refused.status == 401)
    }
}
