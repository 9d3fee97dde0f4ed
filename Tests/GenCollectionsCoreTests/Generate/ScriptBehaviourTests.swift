import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// Runs the generated scripts in node against a small stand-in for Postman's `pm` API, so a reader sees what they
/// do: the consent script builds an authorisation URL whose request object carries the consent id and ends in `.`,
/// and test scripts assert and capture into the environment.
@Suite(.enabled(if: Shell.has("node"), "needs node"))
struct ScriptBehaviourTests {
    /// A stand-in `pm`: variables resolve from `environment`, `require` offers uuid and buffer as the sandbox does.
    static let harness = """
        const environment = JSON.parse(process.argv[2]);
        const response = JSON.parse(process.argv[3]);
        const results = [];
        const expect = (value, message) => { const self = {
            to: { be: { oneOf: (list) => { if (!list.includes(value)) throw new Error(`${message || JSON.stringify(value)} not in ${JSON.stringify(list)}`); } },
                  not: { be: { oneOf: (list) => { if (list.includes(value)) throw new Error(`${message || 'value'} is ${JSON.stringify(value)}`); } } },
                  equal: (other) => { if (value !== other) throw new Error(`${message ? message + ': ' : ''}${JSON.stringify(value)} !== ${JSON.stringify(other)}`); },
                  eql: (other) => { if (JSON.stringify(value) !== JSON.stringify(other)) throw new Error(`${JSON.stringify(value)} != ${JSON.stringify(other)}`); } } };
            return self; };
        const print = console.log.bind(console);
        const logs = [];
        let skipped = false;
        console.log = (...parts) => { logs.push(parts.join(' ')); };
        global.pm = {
            variables: { set: (k, v) => { environment[k] = v; }, get: (k) => environment[k],
                         replaceIn: (text) => text.replace(/{{([^{}]*?)}}/g, (m, name) => name in environment ? environment[name] : m) },
            environment: { set: (k, v) => { environment[k] = v; }, get: (k) => environment[k],
                           unset: (k) => { delete environment[k]; } },
            execution: { skipRequest: () => { skipped = true; } },
            response: { code: response.code, json: () => JSON.parse(response.body), text: () => response.body,
                        headers: { get: (name) => (response.headers || {})[name] } },
            expect,
            test: (name, body) => { try { body(); results.push(['pass', name]); } catch (error) { results.push(['fail', name, error.message]); } },
        };
        const sandboxRequire = (name) => name === 'uuid' ? { v4: () => '00000000-0000-4000-8000-000000000000' } : require(name);
        new Function('require', require('fs').readFileSync(process.argv[4], 'utf8'))(sandboxRequire);
        print(JSON.stringify({ environment, results, logs, skipped }));
        """

    struct Outcome: Decodable {
        var environment: [String: String]
        var results: [[String]]
        /// What the script printed with `console.log`.
        var logs: [String]
        /// Whether the script called `pm.execution.skipRequest()`.
        var skipped: Bool
    }

    static func run(
        _ script: [String], environment: [String: String],
        response: (code: Int, body: String, headers: [String: String]) = (200, "{}", [:])
    ) throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = folder.appendingPathComponent("harness.js"), file = folder.appendingPathComponent("script.js")
        try Self.harness.write(to: harness, atomically: true, encoding: .utf8)
        try script.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let encode = { (value: Any) in
            String(decoding: try JSONSerialization.data(withJSONObject: value), as: UTF8.self)
        }
        let result = Shell.run(
            "/usr/bin/env",
            [
                "node", harness.path, try encode(environment),
                try encode(["code": response.code, "body": response.body, "headers": response.headers]),
                file.path,
            ])
        guard result.status == 0 else { throw ScriptError(message: result.error) }
        return try JSONDecoder().decode(Outcome.self, from: Data(result.output.utf8))
    }

    struct ScriptError: Error { var message: String }

    static func step(_ key: String) throws -> Spec.Step {
        try DefaultSpec.load().flows.flatMap(\.steps).first { $0.key == key }!
    }

    @Test func consentScriptBuildsAnUnsignedRequestObjectWithTheIntentID() throws {
        let consent = try #require(try Self.step("ais-psu-consent").consent)
        let outcome = try Self.run(
            Scripts.consent(consent),
            environment: [
                "authEndpoint": "https://auth1.ob.monese.com/auth", "clientId": "client-1",
                "redirectUrl": "https://tpp.example/cb",
                "accountConsentId": "urn-consent-42", "issuer": "https://auth1.ob.monese.com",
            ])
        let text = try #require(outcome.environment["accountsConsentUrl"])
        let url = try #require(URLComponents(string: text))
        #expect(url.host == "auth1.ob.monese.com" && url.path == "/auth")
        let query = Dictionary(uniqueKeysWithValues: (url.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(query["client_id"] == "client-1")
        #expect(query["response_type"] == "code id_token")
        #expect(query["scope"] == "openid accounts")
        #expect(query["redirect_uri"] == "https://tpp.example/cb")
        let request = try #require(query["request"])
        #expect(request.hasSuffix("."), "an unsigned request object keeps its trailing dot")
        let parts = request.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && parts[2].isEmpty)
        let header = try JSONSerialization.jsonObject(with: Self.base64URL(String(parts[0]))) as? [String: String]
        #expect(header == ["alg": "none"])
        let claims = try #require(
            try JSONSerialization.jsonObject(with: Self.base64URL(String(parts[1]))) as? [String: Any])
        let idToken = (claims["claims"] as? [String: Any])?["id_token"] as? [String: Any]
        let intent = idToken?["openbanking_intent_id"] as? [String: Any]
        #expect(intent?["value"] as? String == "urn-consent-42")
        #expect(intent?["essential"] as? Bool == true)
        #expect(claims["aud"] as? String == "https://auth1.ob.monese.com")
        #expect(claims["state"] as? String == query["state"])
    }

    /// A PS256 bank: the script builds what to sign and skips its request; signing as the runner must (RSASSA-PSS,
    /// SHA-256, salt 32) gives a request object the bank's public key verifies. This is the runner's contract.
    @Test func signedRequestObjectsAreLeftToTheRunnerAndItsRecipeWorks() throws {
        let text = try String(
            contentsOf: Golden.fixtures.appendingPathComponent("Generate/signed-request-object/spec.yaml"),
            encoding: .utf8)
        let spec = try SpecLoader.load(text, file: "spec.yaml").spec
        let consent = try #require(spec.flows.flatMap(\.steps).compactMap(\.consent).first)
        let outcome = try Self.run(
            Scripts.consent(consent, requestObject: spec.requestObject),
            environment: [
                "authEndpoint": "https://auth.example/authorize", "clientId": "client-1",
                "redirectUrl": "https://tpp.example/cb", "consentId": "urn-consent-7", "issuer": "https://auth.example",
                "signingKid": "kid-1", "psuUser": "mits", "consentUrl": "stale from an earlier run",
            ])
        #expect(outcome.skipped, "the unsigned check request is skipped")
        #expect(outcome.logs.contains { $0.contains("must be signed (PS256) by the runner") })
        #expect(outcome.environment["consentUrl"] == nil, "no stale or unsigned URL is left for the runner to print")
        let withoutRequest = try #require(outcome.environment["consentUrlWithoutRequest"])
        let signingInput = try #require(outcome.environment["consentUrlSigningInput"])
        #expect(!withoutRequest.contains("request="))

        // What run-newman.sh must do, in node: sign, append, and the bank's public key verifies it.
        let recipe = """
            const crypto = require('crypto');
            const [withoutRequest, signingInput] = process.argv.slice(1);
            const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
            const pss = { padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 };
            const signature = crypto.sign('sha256', Buffer.from(signingInput), { key: privateKey, ...pss });
            const jws = signingInput + '.' + signature.toString('base64url');
            const ok = crypto.verify('sha256', Buffer.from(signingInput), { key: publicKey, ...pss }, signature);
            console.log(JSON.stringify({ url: withoutRequest + '&request=' + jws, ok }));
            """
        let signed = Shell.run("/usr/bin/env", ["node", "-e", recipe, withoutRequest, signingInput])
        #expect(signed.status == 0, "\(signed.error)")
        let result = try JSONSerialization.jsonObject(with: Data(signed.output.utf8)) as? [String: Any]
        #expect(result?["ok"] as? Bool == true)
        let signedURL = try #require(result?["url"] as? String)
        let url = try #require(URLComponents(string: signedURL))
        let query = Dictionary(uniqueKeysWithValues: (url.queryItems ?? []).map { ($0.name, $0.value ?? "") })
        #expect(query["client_id"] == "client-1" && query["scope"] == "openid accounts")
        let jws = try #require(query["request"])
        let parts = jws.split(separator: ".", omittingEmptySubsequences: false)
        #expect(parts.count == 3 && !parts[2].isEmpty)
        let header = try JSONSerialization.jsonObject(with: Self.base64URL(String(parts[0]))) as? [String: String]
        #expect(header == ["alg": "PS256", "kid": "kid-1"])
        let claims = try #require(
            try JSONSerialization.jsonObject(with: Self.base64URL(String(parts[1]))) as? [String: Any])
        #expect((claims["exp"] as? Int).map { $0 - (claims["nbf"] as? Int ?? 0) } == 600)
        #expect(claims["max_age"] as? Int == 3600)
        #expect(claims["login_hint"] as? String == "mits")
        let idToken = (claims["claims"] as? [String: Any])?["id_token"] as? [String: Any]
        #expect(idToken?["acr"] == nil, "acr: [] sends no acr claim")
        #expect((idToken?["openbanking_intent_id"] as? [String: Any])?["value"] as? String == "urn-consent-7")
    }

    @Test func testScriptAssertsAndCapturesTheConsentID() throws {
        let step = try Self.step("ais-create-consent")
        let body = #"{"Data": {"ConsentId": "urn-1", "Status": "AwaitingAuthorisation"}, "Risk": {}}"#
        let outcome = try Self.run(Scripts.tests(for: step), environment: [:], response: (201, body, [:]))
        #expect(outcome.environment["accountConsentId"] == "urn-1")
        #expect(outcome.results.allSatisfy { $0.first == "pass" }, "\(outcome.results)")
        #expect(outcome.results.count == 4)
    }

    @Test func testScriptFailsOnAWrongStatusAndAMissingField() throws {
        let step = try Self.step("ais-create-consent")
        let outcome = try Self.run(
            Scripts.tests(for: step), environment: [:], response: (400, #"{"Code": "400"}"#, [:]))
        #expect(outcome.environment["accountConsentId"] == nil)
        #expect(outcome.results.filter { $0.first == "fail" }.count == 4, "\(outcome.results)")
    }

    @Test func expectedValuesResolveVariablesWhenTheTestRuns() throws {
        let step = try Self.step("ais-get-consent")
        let body = #"{"Data": {"ConsentId": "urn-1", "Status": "Authorised"}}"#
        let same = try Self.run(
            Scripts.tests(for: step), environment: ["accountConsentId": "urn-1"], response: (200, body, [:]))
        #expect(same.results.allSatisfy { $0.first == "pass" }, "\(same.results)")
        let other = try Self.run(
            Scripts.tests(for: step), environment: ["accountConsentId": "urn-2"], response: (200, body, [:]))
        #expect(
            other.results.filter { $0.first == "fail" }.map { $0[1] } == [#"Data.ConsentId is "{{accountConsentId}}""#])
    }

    @Test func redirectCaptureReadsTheFragmentThenTheQuery() throws {
        let spec = try SpecLoader.load(
            """
            gen-collections: 1
            name: redirect
            hosts: {api: https://api.example.com}
            flows:
              - name: F
                steps:
                  - name: S
                    url: "{{api}}/cb"
                    capture: {code: {redirect: code}}
            """, file: "redirect.yaml"
        ).spec
        let step = spec.flows[0].steps[0]
        let fragment = try Self.run(
            Scripts.tests(for: step), environment: [:],
            response: (302, "", ["Location": "https://tpp/cb?code=query#code=frag%2B1&state=s"]))
        #expect(fragment.environment["code"] == "frag+1")
        let query = try Self.run(
            Scripts.tests(for: step), environment: [:],
            response: (302, "", ["Location": "https://tpp/cb?state=s&code=q-2"]))
        #expect(query.environment["code"] == "q-2")
    }

    // MARK: - The consent check and the bank's reason

    static func consentCheck(location: String?, code: Int = 302, body: String = "") throws -> Outcome {
        let step = try Self.step("ais-psu-consent")
        let consent = try #require(step.consent)
        return try Self.run(
            Scripts.consentCheck(consent) + Scripts.tests(for: step),
            environment: ["accountsConsentUrlState": "s-1"],
            response: (code, body, location.map { ["Location": $0] } ?? [:]))
    }

    /// A bank that approves at /authorize (headless) redirects with the code: the script saves it for the runner.
    @Test func aRedirectWithACodeIsAHeadlessApproval() throws {
        let outcome = try Self.consentCheck(location: "https://tpp.example/cb#code=c%2B1&id_token=x&state=s-1")
        #expect(outcome.environment["accountsAuthCode"] == "c+1")
        #expect(outcome.results.allSatisfy { $0.first == "pass" }, "\(outcome.results)")
        let forged = try Self.consentCheck(location: "https://tpp.example/cb#code=c1&state=other")
        #expect(forged.results.contains { $0.first == "fail" && $0[2].contains("state in the redirect") })
    }

    @Test func anErrorRedirectFailsTheStepAndSaysWhy() throws {
        let outcome = try Self.consentCheck(
            location: "https://tpp.example/cb#error=invalid_request&error_description=unknown+consent&state=s-1")
        #expect(outcome.environment["accountsAuthCode"] == nil)
        #expect(outcome.environment["accountsConsentUrlError"] == "invalid_request: unknown consent")
        let failure = try #require(outcome.results.first { $0.first == "fail" })
        #expect(failure[1] == "the bank accepts the consent request")
        #expect(failure[2].contains("the bank refused the consent request"))
        #expect(failure[2].contains("invalid_request: unknown consent"))
    }

    @Test func anErrorBodyOrStatusFailsTheStep() throws {
        let body = try Self.consentCheck(
            location: nil, code: 400, body: #"{"error": "invalid_client", "error_description": "no such client"}"#)
        #expect(body.environment["accountsConsentUrlError"] == "invalid_client: no such client")
        let page = try Self.consentCheck(location: nil, code: 400, body: "<html>Unknown client</html>")
        #expect(page.environment["accountsConsentUrlError"] == "HTTP 400")
    }

    @Test func aLoginPageLeavesTheURLToThePSU() throws {
        let outcome = try Self.consentCheck(location: nil, code: 200, body: "<html>log in</html>")
        #expect(outcome.environment["accountsAuthCode"] == nil)
        #expect(outcome.environment["accountsConsentUrlError"] == nil)
        #expect(outcome.results.allSatisfy { $0.first == "pass" }, "\(outcome.results)")
    }

    /// The collection's test script finds the bank's reason; the step's status test prints it.
    @Test func aFailedRequestShowsTheBanksReason() throws {
        let step = try Self.step("ais-create-consent")
        let body =
            #"{"Code": "400", "Errors": [{"ErrorCode": "UK.OBIE.Field.Invalid", "Message": "Permissions is empty"}]}"#
        let outcome = try Self.run(
            Scripts.bankReason + Scripts.tests(for: step), environment: [:], response: (400, body, [:]))
        let status = try #require(outcome.results.first { $0[1] == "status is 201" })
        #expect(status[2].hasPrefix("the bank answered 400 (UK.OBIE.Field.Invalid: Permissions is empty)"), "\(status)")
        let oauth = try Self.run(
            Scripts.bankReason + Scripts.tests(for: step), environment: [:],
            response: (401, #"{"error": "invalid_grant", "error_description": "code expired"}"#, [:]))
        #expect(oauth.results.first?[2].hasPrefix("the bank answered 401 (invalid_grant: code expired)") == true)
        let passed = try Self.run(
            Scripts.bankReason + Scripts.tests(for: step), environment: [:],
            response: (201, #"{"Data": {"ConsentId": "urn-1", "Status": "AwaitingAuthorisation"}}"#, [:]))
        #expect(passed.results.allSatisfy { $0.first == "pass" }, "\(passed.results)")
    }

    static func base64URL(_ text: String) -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64) ?? Data()
    }
}
