import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Dynamic Client Registration (`application/jwt`, RFC 7591 answers) and the Ozone helper API's environment
/// download (Basic auth), whose hosts point at the mock itself.
extension MockBank {
    static let grantTypes: Set<String> = ["authorization_code", "client_credentials", "refresh_token"]

    func register(_ request: MockRequest) -> MockResponse {
        guard request.client != nil else {
            return .oauthError(401, "invalid_client", "registration needs a client certificate (mutual TLS)")
        }
        guard request.method == "POST" else { return .oauthError(405, "invalid_request", "registration takes POST") }
        guard request.mediaType == "application/jwt" else {
            return .oauthError(400, "invalid_client_metadata", "the body must be a JWT sent as application/jwt")
        }
        let parts = request.bodyText.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let bytes = Base64URL.decode(parts[1]),
            let claims = try? JSONValue(json: Data(bytes)), claims.members != nil
        else {
            return .oauthError(400, "invalid_client_metadata", "the body is not a JWT with a JSON claims set")
        }
        if let problem = registrationProblem(claims) { return problem }
        var redirects = (claims["redirect_uris"]?.items ?? []).compactMap(\.text)
        if redirects.isEmpty, let statement = claims["software_statement"]?.text {
            let ssa = statement.split(separator: ".", omittingEmptySubsequences: false)
            if ssa.count == 3, let bytes = Base64URL.decode(ssa[1]),
                let body = try? JSONValue(json: Data(bytes))
            {
                redirects = (body["software_redirect_uris"]?.items ?? []).compactMap(\.text)
            }
        }
        guard !redirects.isEmpty, redirects.allSatisfy({ $0.hasPrefix("https://") }) else {
            return .oauthError(400, "invalid_redirect_uri", "redirect_uris must list at least one https URI")
        }
        let scopes = Set((claims["scope"]?.text ?? "openid accounts payments").split(separator: " ").map(String.init))
        let client = RegisteredClient(
            id: Self.randomToken(bytes: 12), secret: Self.randomToken(bytes: 24), redirectURIs: redirects,
            scopes: scopes)
        state.withLockedValue { $0.clients[client.id] = client }
        let grants = (claims["grant_types"]?.items ?? []).compactMap(\.text)
        return .json(
            201,
            .object([
                ("client_id", .string(client.id)), ("client_secret", .string(client.secret)),
                ("client_id_issued_at", .number(String(Int(now().timeIntervalSince1970)))),
                ("client_secret_expires_at", .number("0")),
                ("token_endpoint_auth_method", .string("client_secret_basic")),
                (
                    "grant_types",
                    .array(
                        (grants.isEmpty ? ["authorization_code", "client_credentials"] : grants).map(JSONValue.string))
                ),
                ("response_types", claims["response_types"] ?? .array([.string("code id_token")])),
                ("redirect_uris", .array(redirects.map(JSONValue.string))),
                ("scope", .string(scopes.sorted().joined(separator: " "))),
                ("software_statement", claims["software_statement"] ?? .null),
            ]), headers: [("Cache-Control", "no-store")])
    }

    /// What an Ozone-style bank refuses in the registration claims.
    private func registrationProblem(_ claims: JSONValue) -> MockResponse? {
        func refuse(_ error: String, _ message: String) -> MockResponse { .oauthError(400, error, message) }
        guard let statement = claims["software_statement"]?.text,
            statement.split(separator: ".", omittingEmptySubsequences: false).count == 3
        else {
            return refuse("invalid_software_statement", "software_statement must be the SSA (a JWT)")
        }
        if let method = claims["token_endpoint_auth_method"]?.text, method != "client_secret_basic" {
            return refuse("invalid_client_metadata", "token_endpoint_auth_method must be client_secret_basic")
        }
        let grants = Set((claims["grant_types"]?.items ?? []).compactMap(\.text))
        if !grants.isSubset(of: Self.grantTypes) {
            return refuse(
                "invalid_client_metadata",
                "grant_types may hold only \(Self.grantTypes.sorted().joined(separator: ", "))")
        }
        let scopes = Set((claims["scope"]?.text ?? "").split(separator: " ").map(String.init))
        if !scopes.isSubset(of: Self.clientCredentialsScopes) {
            return refuse("invalid_client_metadata", "scope may hold only openid accounts payments fundsconfirmations")
        }
        if let expected = spec.registration?.claims.first(where: { $0.name.value == "aud" })?.value.text,
            let aud = claims["aud"]?.text, aud != expected
        {
            return refuse("invalid_client_metadata", "aud must be this bank's organisation id, \(expected)")
        }
        if case let .number(exp)? = claims["exp"], let seconds = Double(exp), seconds < now().timeIntervalSince1970 {
            return refuse("invalid_client_metadata", "the registration JWT has expired (exp)")
        }
        return nil
    }

    // MARK: - Helper API

    func helperEnvironment(_ request: MockRequest) -> MockResponse {
        guard request.client != nil else { return Self.certificateRequired() }
        guard request.method == "GET" else { return .obError(405, OBErrorCode.notFound, "the helper API takes GET") }
        switch authenticate(request) {
        case let .success(client):
            return .text(200, helperEnvironmentFile(for: client), contentType: "application/json; charset=utf-8")
        case let .failure(refusal): return refusal
        }
    }

    /// The helper environment as a file: what the helper API serves and `mock --env-out` writes, byte for byte.
    public func helperEnvironmentFile(for client: RegisteredClient) -> String {
        helperEnvironment(for: client).rendered() + "\n"
    }

    /// The Postman environment an Ozone-style helper API serves for `client`: the spec's `from` keys (hosts →
    /// the mock's URLs) and Ozone's usual keys, sorted; secrets typed `secret`.
    public func helperEnvironment(for client: RegisteredClient) -> JSONValue {
        let origin = configuration.origin
        var known: [String: String] = [
            "clientId": client.id, "oidcClient": client.id, "_clientId": client.id, "clientSecret": client.secret,
            "basicToken": client.basicToken, "redirectUrl": client.redirectURIs[0], "issuer": configuration.issuer,
            "rs": routes.mounts.first.map { origin + $0.path } ?? origin,
            "tokenEndpoint": origin + routes.tokenPath, "authEndpoint": origin + routes.authorizePath,
            "registrationEndpoint": origin + routes.registerPath,
        ]
        if let financialID = configuration.financialID { known["obParticipantId"] = financialID }
        var values: [String: String] = [:]
        for key in [
            "rs", "tokenEndpoint", "authEndpoint", "issuer", "redirectUrl", "basicToken", "clientId",
            "obParticipantId",
        ] {
            values[key] = known[key]
        }
        for host in spec.hosts {
            guard let url = routes.url(ofHost: host.name.value, origin: origin) else { continue }
            for key in host.from { values[key] = url }
        }
        for variable in spec.variables {
            for key in variable.from { if let value = known[key] { values[key] = value } }
        }
        let secrets: Set<String> = ["basicToken", "clientSecret"]
        let entries = values.keys.sorted().map { key -> JSONValue in
            .object([
                ("key", .string(key)), ("value", .string(values[key]!)),
                ("type", .string(secrets.contains(key) ? "secret" : "default")), ("enabled", .bool(true)),
            ])
        }
        return .object([
            ("id", .string(PostmanJSON.stableID("mock/\(client.id)"))),
            ("name", .string("\(spec.title) (gen-collections mock, client \(client.id))")),
            ("values", .array(entries)), ("_postman_variable_scope", .string("environment")),
        ])
    }
}
