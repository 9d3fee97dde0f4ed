import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsNetwork

/// End to end against `TestHTTPSServer` (127.0.0.1, client certificate required), certificates from `TestPKI`.
@Suite(.enabled(if: TestPKI.available, "the openssl CLI is not installed: cannot make test certificates"))
struct HelperEnvironmentClientTests {
    /// Ozone's helper path, as the bundled specs give it under `helperAPI.environment`.
    static let path = "/ozone/v1.0/postman/environment"

    static let environment =
        #"{"id":"e","name":"client-1","values":[{"key":"rs","value":"https://rs1.example"},"#
        + #"{"key":"basicToken","value":"Y2xpZW50LTE6czNjcmV0","type":"secret"}]}"#

    /// Answers like the helper API: the environment for the right Basic credentials, 401 otherwise.
    static let helper: TestHTTPSServer.Handler = { request in
        let expected = "Basic " + Data("client-1:s3cret".utf8).base64EncodedString()
        guard request.path == path else {
            return .respond(status: 404, contentType: "text/plain", body: "no such path")
        }
        guard request.header("Authorization") == expected else {
            return .respond(
                status: 401, contentType: "application/json",
                body: #"{"error":"invalid_client","error_description":"Client authentication failed"}"#)
        }
        return .respond(status: 200, contentType: "application/json", body: environment)
    }

    private func tls(_ pki: TestPKI, stranger: Bool = false, trust: Bool = true) -> MutualTLS {
        MutualTLS(
            certificateFile: stranger ? pki.strangerCertificate : pki.clientCertificate,
            keyFile: stranger ? pki.strangerKey : pki.clientKey, caBundleFile: trust ? pki.caCertificate : nil)
    }

    /// The error `work` throws, as the one line the user sees.
    private func failure(_ work: () async throws -> Data) async -> NetworkError? {
        do {
            _ = try await work()
            return nil
        } catch {
            return error as? NetworkError
        }
    }

    @Test func success() async throws {
        try await withTestServer(Self.helper) { server, pki in
            let url = server.baseURL + Self.path
            let body = try await HelperEnvironmentClient.fetch(
                url: url, clientID: "client-1", clientSecret: "s3cret",
                tls: tls(pki), timeout: 10)
            #expect(String(decoding: body, as: UTF8.self) == Self.environment)
            let request = try #require(server.requests.first)
            #expect(request.method == "GET")
            #expect(request.header("Accept") == "application/json")
        }
    }

    @Test func wrongClientCertificate() async throws {
        try await withTestServer(Self.helper) { server, pki in
            let url = server.baseURL + Self.path
            let error = await failure {
                try await HelperEnvironmentClient.fetch(
                    url: url, clientID: "client-1", clientSecret: "s3cret",
                    tls: tls(pki, stranger: true), timeout: 10)
            }
            let text = try #require(error).description
            #expect(error?.kind == .service)
            #expect(text.hasPrefix("gen-collections: error: GET \(url): "))
            #expect(text.contains("client certificate \(pki.strangerCertificate) (CN=stranger-client)"), "\(text)")
            #expect(text.contains("refused the client certificate") || text.contains("may have refused"), "\(text)")
            #expect(!text.contains("OPENSSL"))
            #expect(!text.contains("\n"))
            #expect(server.requests.isEmpty)
        }
    }

    @Test func untrustedServerCertificate() async throws {
        try await withTestServer(Self.helper) { server, pki in
            let error = await failure {
                try await HelperEnvironmentClient.fetch(
                    url: server.baseURL + "/x", clientID: "c", clientSecret: "s",
                    tls: tls(pki, trust: false), timeout: 10)
            }
            let text = try #require(error).description
            #expect(text.contains("the server's certificate is not trusted (give --ca-bundle)"), "\(text)")
            #expect(text.contains("system CA roots"))
        }
    }

    @Test func wrongBasicCredentials() async throws {
        try await withTestServer(Self.helper) { server, pki in
            let url = server.baseURL + Self.path
            let error = await failure {
                try await HelperEnvironmentClient.fetch(
                    url: url, clientID: "client-1", clientSecret: "wrong-secret",
                    tls: tls(pki), timeout: 10)
            }
            let text = try #require(error).description
            #expect(
                text == "gen-collections: error: GET \(url): HTTP 401 Unauthorized: invalid_client: Client "
                    + "authentication failed (client certificate \(pki.clientCertificate) (CN=tpp-client)) [network-http-status]"
            )
            #expect(!text.contains("wrong-secret"))
            #expect(error?.exitCode == 69)
        }
    }

    @Test func nonJSONBody() async throws {
        let page = "<html><body>" + String(repeating: "Sign in. ", count: 60) + "</body></html>"
        try await withTestServer({ _ in .respond(status: 200, contentType: "text/html", body: page) }) { server, pki in
            let url = server.baseURL + "/env"
            let error = await failure {
                try await HelperEnvironmentClient.fetch(
                    url: url, clientID: "c", clientSecret: "s", tls: tls(pki), timeout: 10)
            }
            let text = try #require(error).description
            #expect(text.contains("GET \(url): HTTP 200 but the body is not JSON: '<html><body>Sign in."), "\(text)")
            #expect(text.contains("…'; is this the helper API's environment URL? [network-not-environment]"), "\(text)")
            #expect(text.count < 400)
        }
    }

    @Test func jsonThatIsNotAnEnvironment() async throws {
        try await withTestServer({ _ in .respond(status: 200, contentType: "application/json", body: #"{"ok":true}"#) })
        { server, pki in
            let error = await failure {
                try await HelperEnvironmentClient.fetch(
                    url: server.baseURL + "/env", clientID: "c", clientSecret: "s",
                    tls: tls(pki), timeout: 10)
            }
            #expect(error?.description.contains("no 'values' array; keys: ok") == true)
        }
    }

    @Test func hangingServerTimesOut() async throws {
        try await withTestServer({ _ in .hang }) { server, pki in
            let started = Date()
            let error = await failure {
                try await HelperEnvironmentClient.fetch(
                    url: server.baseURL + "/env", clientID: "c", clientSecret: "s",
                    tls: tls(pki), timeout: 1)
            }
            let elapsed = Date().timeIntervalSince(started)
            let text = try #require(error).description
            #expect(text.contains("no complete response within 1 s"), "\(text)")
            #expect(text.hasSuffix("[network-timeout]"))
            // Only a lower bound: the message proves the timeout fired; how late it fires depends on the machine's load.
            #expect(elapsed >= 0.9, "took \(elapsed) s")
            #expect(server.requests.count == 1)
        }
    }

    @Test func nothingListening() async throws {
        let pki = try #require(TestPKI.shared)
        let server = try await TestHTTPSServer.start(pki: pki, handler: Self.helper)
        let url = server.baseURL + "/env"
        await server.stop()
        let error = await failure {
            try await HelperEnvironmentClient.fetch(
                url: url, clientID: "c", clientSecret: "s", tls: tls(pki), timeout: 5)
        }
        #expect(
            error?.description.contains("GET \(url): cannot reach the server: connection refused") == true,
            "\(String(describing: error))")
    }

    @Test func theURLComesFromTheSpecsHelperAPI() throws {
        let spec = try SpecLoader.load(DefaultSpec.text, file: "monese.yaml").spec
        let found = HelperEnvironmentClient.source(spec: spec, resolver: SpecValueResolver(spec: spec))
        #expect(found == .url("https://rs1.ob.monese.com/ozone/v1.0/postman/environment"))
        let local = HelperEnvironmentClient.source(
            spec: spec, resolver: SpecValueResolver(spec: spec, overrides: ["rs": "https://127.0.0.1:8443"]))
        #expect(local == .url("https://127.0.0.1:8443/ozone/v1.0/postman/environment"))
    }

    @Test func specsWithoutHelperAPIFallBackToTheirHelperStepOrSayThereIsNone() throws {
        var spec = try SpecLoader.load(DefaultSpec.text, file: "monese.yaml").spec
        spec.helperAPI = nil
        let resolver = SpecValueResolver(spec: spec, overrides: ["rs": "https://rs.test"])
        #expect(HelperEnvironmentClient.source(spec: spec, resolver: resolver) == .url("https://rs.test\(Self.path)"))
        spec.flows = []
        #expect(HelperEnvironmentClient.source(spec: spec, resolver: resolver) == .none)
        spec.helperAPI = Spec.HelperAPI(environment: "{{helper}}/environment")
        #expect(
            HelperEnvironmentClient.source(spec: spec, resolver: resolver)
                == .unresolved("{{helper}}/environment", names: ["helper"]))
    }
}
