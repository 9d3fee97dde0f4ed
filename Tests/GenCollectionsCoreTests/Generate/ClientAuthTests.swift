import Foundation
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// `auth: client` on a token request becomes what the spec's `clientAuth` method needs, as far as Newman can do it;
/// what Newman cannot do is a warning that says what to supply.
@Suite struct ClientAuthTests {
    /// A spec built in code: one token request with `auth: client`.
    static func spec(_ clientAuth: Spec.ClientAuth, tls: Spec.TLS? = nil) -> Spec {
        Spec(
            name: "client-auth",
            hosts: [Spec.Host(name: "token", url: "https://as.example.com/token")],
            variables: ["clientId", "clientSecret", "basicToken", "clientAssertion"].map {
                Spec.Variable(name: Located($0), secret: $0 != "clientId")
            },
            tls: tls, clientAuth: clientAuth,
            flows: [
                Spec.Flow(
                    name: "Tokens",
                    steps: [
                        Spec.Step(
                            name: "Client token", method: "POST", url: "{{token}}", auth: .client,
                            body: .form([Spec.NamedValue(name: "grant_type", value: "client_credentials")]))
                    ])
            ])
    }

    static func tokenRequest(_ spec: Spec) throws -> Postman.Request {
        guard let request = Generator.collection(for: spec).items.first?.items?.first?.request else {
            throw CollectionShape()
        }
        return request
    }

    struct CollectionShape: Error {}

    static func form(_ request: Postman.Request) -> [String] {
        (request.body?.urlencoded ?? []).map { "\($0.key ?? "")=\($0.value ?? "")" }
    }

    @Test func clientSecretBasicWithATokenSendsTheBasicHeader() throws {
        let request = try Self.tokenRequest(
            Self.spec(Spec.ClientAuth(method: .clientSecretBasic, basicToken: "{{basicToken}}")))
        #expect(request.auth?.type == "noauth")
        #expect((request.header ?? []).contains { $0.key == "Authorization" && $0.value == "Basic {{basicToken}}" })
        #expect(Self.form(request) == ["grant_type=client_credentials"])
    }

    @Test func clientSecretBasicWithIdAndSecretUsesPostmanBasicAuth() throws {
        let request = try Self.tokenRequest(
            Self.spec(
                Spec.ClientAuth(method: .clientSecretBasic, clientId: "{{clientId}}", clientSecret: "{{clientSecret}}"))
        )
        #expect(request.auth?.type == "basic")
        #expect(request.auth?.parameters.map(\.value.text) == ["{{clientSecret}}", "{{clientId}}"])
    }

    @Test func clientSecretPostPutsTheCredentialsInTheForm() throws {
        let request = try Self.tokenRequest(
            Self.spec(
                Spec.ClientAuth(method: .clientSecretPost, clientId: "{{clientId}}", clientSecret: "{{clientSecret}}")))
        #expect(request.auth?.type == "noauth")
        #expect(!(request.header ?? []).contains { $0.key == "Authorization" })
        #expect(
            Self.form(request) == [
                "grant_type=client_credentials", "client_id={{clientId}}", "client_secret={{clientSecret}}",
            ])
    }

    @Test func tlsClientAuthSendsOnlyTheClientId() throws {
        let request = try Self.tokenRequest(
            Self.spec(Spec.ClientAuth(method: .tlsClientAuth, clientId: "{{clientId}}")))
        #expect(request.auth?.type == "noauth")
        #expect(Self.form(request) == ["grant_type=client_credentials", "client_id={{clientId}}"])
    }

    @Test func privateKeyJWTSendsTheAssertionVariable() throws {
        let request = try Self.tokenRequest(
            Self.spec(Spec.ClientAuth(method: .privateKeyJWT, assertion: "{{clientAssertion}}")))
        #expect(
            Self.form(request) == [
                "grant_type=client_credentials",
                "client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion={{clientAssertion}}",
            ])
    }

    @Test func whatNewmanCannotDoIsAWarning() {
        let jwt = SpecValidator.validate(
            Self.spec(Spec.ClientAuth(method: .privateKeyJWT, assertion: "{{clientAssertion}}")))
        #expect(
            jwt.contains { $0.id == "spec-newman-limit" && $0.message.contains("cannot sign the client assertion") })
        let tls = SpecValidator.validate(Self.spec(Spec.ClientAuth(method: .tlsClientAuth, clientId: "{{clientId}}")))
        #expect(tls.contains { $0.severity == .warning && $0.message.contains("transport certificate") })
        let withCertificate = SpecValidator.validate(
            Self.spec(
                Spec.ClientAuth(method: .tlsClientAuth, clientId: "{{clientId}}"),
                tls: Spec.TLS(
                    clientCertificates: [
                        Spec.TLS.ClientCertificate(name: "transport", cert: "t.pem", key: "t.key", hosts: ["token"])
                    ])))
        #expect(!withCertificate.contains { $0.message.contains("transport certificate") })
    }

    @Test func aStepsOwnFormFieldWins() throws {
        var spec = Self.spec(
            Spec.ClientAuth(method: .clientSecretPost, clientId: "{{clientId}}", clientSecret: "{{clientSecret}}"))
        spec.flows[0].steps[0].body = .form([Spec.NamedValue(name: "client_id", value: "fixed")])
        #expect(Self.form(try Self.tokenRequest(spec)) == ["client_id=fixed", "client_secret={{clientSecret}}"])
    }
}
