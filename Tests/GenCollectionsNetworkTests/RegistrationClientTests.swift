import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsNetwork

/// `register --send` end to end: sign, POST as application/jwt over mutual TLS, read the RFC 7591 reply.
@Suite(.enabled(if: TestPKI.available, "the openssl CLI is not installed: cannot make test certificates"))
struct RegistrationClientTests {
    private func signedJWT() throws -> String {
        let spec = try SpecLoader.load(DefaultSpec.text, file: "monese.yaml").spec
        let built = try RegistrationClaims.build(
            registration: try #require(spec.registration),
            input: .init(softwareStatement: SoftwareStatement(TestKeys.softwareStatement())),
            resolver: SpecValueResolver(spec: spec))
        return try RegistrationJWT.make(claims: built.pairs, key: TestKeys.signing, kid: "kid-1")
    }

    private func tls(_ pki: TestPKI) -> MutualTLS {
        MutualTLS(certificateFile: pki.clientCertificate, keyFile: pki.clientKey, caBundleFile: pki.caCertificate)
    }

    @Test func registersAndReturnsTheCredentials() async throws {
        let handler: TestHTTPSServer.Handler = { request in
            // A bank checks the JWT; this one checks what it can without the key: the content type and shape.
            guard request.header("Content-Type") == "application/jwt",
                String(decoding: request.body, as: UTF8.self).split(separator: ".").count == 3
            else {
                return .respond(
                    status: 400, contentType: "application/json", body: #"{"error":"invalid_client_metadata"}"#)
            }
            return .respond(
                status: 201, contentType: "application/json",
                body: #"{"client_id":"new-client","client_secret":"top-secret","client_secret_expires_at":0}"#)
        }
        try await withTestServer(handler) { server, pki in
            let jwt = try signedJWT()
            let reply = try await RegistrationClient.register(
                jwt: jwt, endpoint: server.baseURL + "/register", tls: tls(pki),
                timeout: 10)
            #expect(reply.clientID == "new-client")
            #expect(reply.clientSecret == "top-secret")
            let received = try #require(server.requests.first)
            #expect(received.method == "POST")
            #expect(received.path == "/register")
            #expect(String(decoding: received.body, as: UTF8.self) == jwt)
            #expect(
                RegistrationJWT.verify(String(decoding: received.body, as: UTF8.self), with: TestKeys.signing.publicKey)
            )
        }
    }

    @Test func rfc7591ErrorsArePrintedOnOneLine() async throws {
        let handler: TestHTTPSServer.Handler = { _ in
            .respond(
                status: 400, contentType: "application/json",
                body: #"{"error":"invalid_redirect_uri","error_description":"redirect_uris must match the SSA"}"#)
        }
        try await withTestServer(handler) { server, pki in
            let endpoint = server.baseURL + "/register"
            do {
                _ = try await RegistrationClient.register(
                    jwt: try signedJWT(), endpoint: endpoint, tls: tls(pki), timeout: 10)
                Issue.record("expected a failure")
            } catch let error as NetworkError {
                #expect(
                    error.description == "gen-collections: error: POST \(endpoint): HTTP 400 Bad Request: "
                        + "invalid_redirect_uri: redirect_uris must match the SSA (client certificate \(pki.clientCertificate) "
                        + "(CN=tpp-client)) [network-http-status]")
            }
        }
    }

    @Test func aReplyWithoutClientIDIsAnError() async throws {
        let handler: TestHTTPSServer.Handler = { _ in
            .respond(status: 201, contentType: "application/json", body: #"{"client_name":"x"}"#)
        }
        try await withTestServer(handler) { server, pki in
            await #expect {
                _ = try await RegistrationClient.register(
                    jwt: try signedJWT(), endpoint: server.baseURL + "/r", tls: tls(pki),
                    timeout: 10)
            } throws: { error in
                "\(error)".contains("HTTP 201 but the body has no client_id (keys: client_name)")
            }
        }
    }

    @Test func aKeyThatDoesNotMatchItsCertificateIsCaughtFirst() throws {
        let pki = try #require(TestPKI.shared)
        let mismatched = MutualTLS(certificateFile: pki.clientCertificate, keyFile: pki.strangerKey)
        #expect {
            _ = try mismatched.makeConfiguration()
        } throws: { error in
            "\(error)".contains("does not match the certificate")
        }
        let missing = MutualTLS(certificateFile: "/nonexistent/cert.pem", keyFile: pki.clientKey)
        #expect {
            _ = try missing.makeConfiguration()
        } throws: { error in
            (error as? NetworkError)?.exitCode == 66
        }
    }
}
