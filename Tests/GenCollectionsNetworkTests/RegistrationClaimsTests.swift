import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
import _CryptoExtras
@testable import GenCollectionsNetwork

private func moneseSpec() throws -> Spec {
    try SpecLoader.load(DefaultSpec.text, file: "monese-sandbox.yaml").spec
}

/// A minimal spec whose registration section is `claims` (YAML lines, indented by 4).
private func spec(claims: String, extra: String = "") throws -> Spec {
    let text = """
        gen-collections: 1
        name: test
        title: Test bank
        hosts:
          rs:
            url: https://rs.bank.example
        variables:
          orgId:
            value: 0015800001ZEc3hAAD
        \(extra)
        registration:
          endpoint: "{{rs}}/register"
          bodyVariable: registrationJwt
          claims:
        \(claims)
        flows: []
        """
    return try SpecLoader.load(text, file: "test.yaml").spec
}

private let baseClaims = """
        aud: "{{orgId}}"
        token_endpoint_auth_method: client_secret_basic
        grant_types: [client_credentials]
        scope: openid accounts
        application_type: web
        id_token_signed_response_alg: PS256
        request_object_signing_alg: none
    """

private func build(
    _ spec: Spec, _ input: RegistrationClaims.Input, overrides: [String: String] = [:]
) throws
    -> RegistrationClaims.Built
{
    try RegistrationClaims.build(
        registration: try #require(spec.registration), input: input,
        resolver: SpecValueResolver(spec: spec, overrides: overrides))
}

/// The messages of the diagnostics a failing build throws.
private func problems(_ spec: Spec, _ input: RegistrationClaims.Input, overrides: [String: String] = [:]) -> [String] {
    do {
        _ = try build(spec, input, overrides: overrides)
        return []
    } catch let error as DiagnosticsError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["unexpected: \(error)"]
    }
}

@Test func moneseClaimsTakeDefaultsFromTheSoftwareStatement() throws {
    let issuedAt = Date(timeIntervalSince1970: 1_800_000_000)
    let input = RegistrationClaims.Input(
        softwareStatement: SoftwareStatement(TestKeys.softwareStatement()),
        lifetime: 600, issuedAt: issuedAt)
    let built = try build(try moneseSpec(), input)
    #expect(built.warnings.isEmpty, "\(built.warnings)")
    #expect(
        built.claims.map(\.name) == [
            "aud", "token_endpoint_auth_method", "token_endpoint_auth_signing_alg", "grant_types", "response_types",
            "subject_type", "application_type", "scope", "request_object_signing_alg", "id_token_signed_response_alg",
            "iss", "redirect_uris", "software_statement", "iat", "exp", "jti",
        ])
    let claims = Dictionary(uniqueKeysWithValues: built.pairs.map { ($0.name, $0.value) })
    #expect(claims["iss"] == .string("SoftwareId123"))
    #expect(claims["aud"] == .string("0015800001ZEc3hAAD"))
    #expect(claims["redirect_uris"] == .array([.string("https://tpp.example.com/callback")]))
    #expect(claims["software_statement"] == .string(TestKeys.softwareStatement()))
    #expect(claims["iat"] == .number("1800000000"))
    #expect(claims["exp"] == .number("1800000600"))
    guard case let .string(jti)? = claims["jti"] else { Issue.record("no jti"); return }
    #expect(jti.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)
}

@Test func everyBuildHasAFreshJTIAndTime() throws {
    let ssa = SoftwareStatement(TestKeys.softwareStatement())
    let first = try build(try moneseSpec(), RegistrationClaims.Input(softwareStatement: ssa))
    let second = try build(try moneseSpec(), RegistrationClaims.Input(softwareStatement: ssa))
    #expect(first.claims.last?.value != second.claims.last?.value)
    let now = Int(Date().timeIntervalSince1970)
    guard case let .number(iat)? = first.claims.first(where: { $0.name == "iat" })?.value else {
        Issue.record("no iat"); return
    }
    #expect(abs((Int(iat) ?? 0) - now) <= 5)
}

@Test func commandLineValuesReplaceSpecClaimsInPlace() throws {
    let input = RegistrationClaims.Input(
        softwareStatement: SoftwareStatement(TestKeys.softwareStatement()),
        redirectURIs: ["https://tpp.example.com/callback"],
        scope: "openid accounts", issuer: "OtherSoftware")
    let built = try build(try moneseSpec(), input)
    let claims = Dictionary(uniqueKeysWithValues: built.pairs.map { ($0.name, $0.value) })
    #expect(claims["scope"] == .string("openid accounts"))
    #expect(claims["iss"] == .string("OtherSoftware"))
    #expect(built.claims.firstIndex { $0.name == "scope" } == 7)
}

@Test func variablesResolveFromSpecValuesAndOverrides() throws {
    let ssa = SoftwareStatement(TestKeys.softwareStatement())
    let fromSpec = try build(try spec(claims: baseClaims), .init(softwareStatement: ssa))
    #expect(fromSpec.claims.first?.value == .string("0015800001ZEc3hAAD"))
    let overridden = try build(
        try spec(claims: baseClaims), .init(softwareStatement: ssa), overrides: ["orgId": "Other1"])
    #expect(overridden.claims.first?.value == .string("Other1"))

    let resolver = SpecValueResolver(spec: try spec(claims: baseClaims))
    #expect(resolver.resolve("{{rs}}/x/{{unknown}}").text == "https://rs.bank.example/x/{{unknown}}")
    #expect(resolver.resolve("{{rs}}/x/{{unknown}}").unresolved == ["unknown"])
}

@Test func unresolvedVariablesPointAtTheClaim() throws {
    let claims = baseClaims + "\n    software_id: \"{{softwareId}}\""
    let extra = "  softwareId:\n    description: set at run time"
    let found = problems(
        try spec(claims: claims, extra: extra),
        .init(softwareStatement: SoftwareStatement(TestKeys.softwareStatement())))
    #expect(
        found == [
            "test.yaml:23:5: error: claim 'software_id' uses '{{softwareId}}', which has no value here [register-unresolved-variable]"
                + "\n  hint: pass --var softwareId=VALUE, or give it a value in the spec"
        ])
}

@Test func invalidClaimsAreEachReported() throws {
    let claims = """
            aud: "{{orgId}}"
            token_endpoint_auth_method: client_secret_magic
            grant_types: [client_credentials, implicit]
            response_types: [token]
            scope: "openid  accounts"
            application_type: desktop
            id_token_signed_response_alg: HS256
            request_object_signing_alg: none
            iat: 5
        """
    let input = RegistrationClaims.Input(
        softwareStatement: SoftwareStatement(TestKeys.softwareStatement()),
        redirectURIs: ["http://tpp.example.com/cb", "https://localhost/cb", "https://tpp.example.com/other"])
    let found = problems(try spec(claims: claims), input)
    let expected = [
        "test.yaml:23:5: warning: the spec's claim 'iat' is ignored [register-generated-claim]",
        "error: redirect URI 'http://tpp.example.com/cb' must use https (from --redirect-uri) [register-invalid-claim]",
        "error: redirect URI 'https://localhost/cb' must not point at localhost (from --redirect-uri)",
        "warning: redirect URI 'https://tpp.example.com/other' is not among the SSA's software_redirect_uris",
        "test.yaml:16:5: error: claim 'token_endpoint_auth_method' has 'client_secret_magic', which is not one of",
        "test.yaml:17:5: error: claim 'grant_types' has 'implicit'",
        "test.yaml:18:5: error: claim 'response_types' has 'token'",
        "test.yaml:20:5: error: claim 'application_type' has 'desktop'",
        "test.yaml:21:5: error: claim 'id_token_signed_response_alg' has 'HS256'",
        "test.yaml:19:5: error: claim 'scope' is 'openid  accounts'; use single spaces",
    ]
    for fragment in expected {
        #expect(found.contains { $0.contains(fragment) }, "missing: \(fragment)\nin: \(found.joined(separator: "\n"))")
    }
    #expect(found.count == expected.count, "\(found.joined(separator: "\n"))")
}

@Test func missingRequiredClaimsAndMismatchedSoftwareID() throws {
    let claims = """
            token_endpoint_auth_method: private_key_jwt
            grant_types: [client_credentials]
            software_id: NotTheSame
        """
    let ssa = SoftwareStatement(TestKeys.softwareStatement(redirectURIs: []))
    let found = problems(try spec(claims: claims), .init(softwareStatement: ssa))
    for fragment in [
        "error: the required claim 'aud' is missing [register-missing-claim]",
        "error: the required claim 'redirect_uris' is missing",
        "error: the required claim 'scope' is missing",
        "warning: claim 'application_type' is missing; OB DCR lists it as mandatory",
        "error: 'private_key_jwt' needs the claim 'token_endpoint_auth_signing_alg'",
        "error: claim 'software_id' is 'NotTheSame' but the SSA's software_id is 'SoftwareId123'",
    ] {
        #expect(found.contains { $0.contains(fragment) }, "missing: \(fragment)\nin: \(found.joined(separator: "\n"))")
    }
    #expect(!found.contains { $0.contains("'iss' is missing") })
}

@Test func softwareStatementReading() throws {
    let folder = try TestKeys.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("ssa.jwt")
    try (TestKeys.softwareStatement() + "\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(try SoftwareStatement.read(file.path).value == TestKeys.softwareStatement())
    #expect(try SoftwareStatement.read(TestKeys.softwareStatement()).softwareID == "SoftwareId123")
    #expect(throws: NetworkError.self) { _ = try SoftwareStatement.read(folder.appendingPathComponent("missing").path) }
    #expect(SoftwareStatement("not-a-jwt").claims == nil)
}

@Test func redirectURIRules() {
    #expect(RegistrationClaimsValidator.redirectProblem("https://tpp.example.com/cb") == nil)
    #expect(RegistrationClaimsValidator.redirectProblem("https://127.0.0.1/cb") == "must not point at localhost")
    #expect(RegistrationClaimsValidator.redirectProblem("https://app.localhost/cb") == "must not point at localhost")
    #expect(RegistrationClaimsValidator.redirectProblem("https:///cb") == "has no host")
    #expect(
        RegistrationClaimsValidator.redirectProblem("https://x.example/" + String(repeating: "a", count: 250))
            == "is longer than 256 characters")
}

@Test func yaml11NumbersInClaimsSignAValidJSONPayload() throws {
    let claims = baseClaims + "\n    software_version: 0x1F\n    max_age: .5\n    flags: [+1, 010, 5., 1_000]"
    let built = try build(
        try spec(claims: claims), .init(softwareStatement: SoftwareStatement(TestKeys.softwareStatement())))
    let jwt = try RegistrationJWT.make(
        claims: built.pairs, key: try _RSA.Signing.PrivateKey(keySize: .bits2048), kid: "k")
    let payload = try #require(Base64URLForTests.json(jwt.split(separator: ".")[1]), "the payload is JSON")
    #expect(payload["software_version"] as? Int == 31)
    #expect(payload["max_age"] as? Double == 0.5)
    #expect((payload["flags"] as? [Any])?.count == 4)
    #expect((payload["flags"] as? [Any])?.last as? String == "1_000")
}
