import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// The token endpoint: client_credentials, authorization_code and refresh_token, with client_secret_basic.
extension MockBank {
    static let clientCredentialsScopes: Set<String> = ["openid", "accounts", "payments", "fundsconfirmations"]

    func token(_ request: MockRequest) -> MockResponse {
        guard let certificate = request.client else {
            return .oauthError(401, "invalid_client", "the token endpoint needs a client certificate (mutual TLS)")
        }
        guard request.method == "POST" else {
            return .oauthError(405, "invalid_request", "the token endpoint takes POST")
        }
        guard request.mediaType == "application/x-www-form-urlencoded" else {
            return .oauthError(400, "invalid_request", "the body must be application/x-www-form-urlencoded")
        }
        let client: RegisteredClient
        switch authenticate(request) {
        case let .success(found): client = found
        case let .failure(refusal): return refusal
        }
        let form = FormEncoding.decode(request.bodyText)
        switch form["grant_type"] {
        case "client_credentials"?: return clientCredentials(form, client: client, certificate: certificate)
        case "authorization_code"?: return authorizationCode(form, client: client, certificate: certificate)
        case "refresh_token"?: return refresh(form, client: client, certificate: certificate)
        case nil: return .oauthError(400, "invalid_request", "grant_type is missing")
        case let other?: return .oauthError(400, "unsupported_grant_type", "grant_type '\(other)' is not supported")
        }
    }

    /// client_secret_basic: `Authorization: Basic base64(client_id:client_secret)`.
    func authenticate(_ request: MockRequest) -> Result<RegisteredClient, MockResponse> {
        guard let header = request.header("Authorization"), header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let pair = String(data: decoded, encoding: .utf8), let colon = pair.firstIndex(of: ":")
        else {
            return .failure(
                .oauthError(401, "invalid_client", "client_secret_basic is required: Authorization: Basic ..."))
        }
        let id = FormEncoding.unescape(String(pair[..<colon]))
        let secret = FormEncoding.unescape(String(pair[pair.index(after: colon)...]))
        guard let client = state.withLockedValue({ $0.clients[id] }), client.secret == secret else {
            return .failure(.oauthError(401, "invalid_client", "unknown client or wrong client secret"))
        }
        return .success(client)
    }

    private func clientCredentials(
        _ form: [(name: String, value: String)], client: RegisteredClient,
        certificate: ClientIdentity
    ) -> MockResponse {
        let requested = Set((form["scope"] ?? "").split(separator: " ").map(String.init))
        guard !requested.isEmpty else { return .oauthError(400, "invalid_scope", "scope is missing") }
        let refused = requested.subtracting(Self.clientCredentialsScopes.intersection(client.scopes))
        guard refused.isEmpty else {
            return .oauthError(
                400, "invalid_scope", "scope not allowed for this client: \(refused.sorted().joined(separator: " "))")
        }
        let token = issue(
            AccessToken(
                clientID: client.id, thumbprint: certificate.thumbprint, scopes: requested, consentID: nil, user: nil,
                expires: now().addingTimeInterval(configuration.tokenLifetime)))
        return tokenResponse(token, scopes: requested, refresh: nil, idToken: nil)
    }

    private func authorizationCode(
        _ form: [(name: String, value: String)], client: RegisteredClient,
        certificate: ClientIdentity
    ) -> MockResponse {
        guard let value = form["code"], !value.isEmpty else {
            return .oauthError(400, "invalid_request", "code is missing")
        }
        let outcome: Result<(AuthorizationCode, String, String), MockResponse> = state.withLockedValue { state in
            guard var code = state.codes[value], code.clientID == client.id else {
                return .failure(.oauthError(400, "invalid_grant", "unknown authorisation code"))
            }
            if code.used {
                // A replayed code: refuse it and revoke what it gave (RFC 6749 §4.1.2).
                for token in code.tokens { state.tokens[token] = nil }
                state.refreshTokens = state.refreshTokens.filter { $0.value.consentID != code.consentID }
                return .failure(.oauthError(400, "invalid_grant", "the authorisation code was already used"))
            }
            guard code.issued.addingTimeInterval(configuration.codeLifetime) > now() else {
                return .failure(.oauthError(400, "invalid_grant", "the authorisation code has expired"))
            }
            guard form["redirect_uri"] == code.redirectURI else {
                return .failure(
                    .oauthError(400, "invalid_grant", "redirect_uri differs from the one of the authorisation request"))
            }
            guard var consent = state.consents[code.consentID], consent.status == .authorised else {
                return .failure(.oauthError(400, "invalid_grant", "the consent is no longer authorised"))
            }
            let access = Self.randomToken()
            let refresh = Self.randomToken()
            let scopes = Set(code.scopes)
            state.tokens[access] = AccessToken(
                clientID: client.id, thumbprint: certificate.thumbprint, scopes: scopes, consentID: code.consentID,
                user: code.user, expires: now().addingTimeInterval(configuration.tokenLifetime))
            state.refreshTokens[refresh] = RefreshGrant(
                clientID: client.id, thumbprint: certificate.thumbprint, consentID: code.consentID, user: code.user,
                scopes: scopes)
            code.used = true
            code.tokens.append(access)
            // One consent, one exchange: other codes issued for it (the collection's consent check) stop working.
            state.codes = state.codes.filter { $0.value.consentID != code.consentID }
            state.codes[value] = code
            consent.codeRedeemed = true
            state.consents[code.consentID] = consent
            return .success((code, access, refresh))
        }
        switch outcome {
        case let .failure(refusal): return refusal
        case let .success((code, access, refresh)):
            let idToken = self.idToken(
                client: client.id, consentID: code.consentID, user: code.user, nonce: code.nonce)
            return tokenResponse(access, scopes: Set(code.scopes), refresh: refresh, idToken: idToken)
        }
    }

    private func refresh(
        _ form: [(name: String, value: String)], client: RegisteredClient,
        certificate: ClientIdentity
    ) -> MockResponse {
        guard let value = form["refresh_token"] else {
            return .oauthError(400, "invalid_request", "refresh_token is missing")
        }
        let outcome: Result<(String, RefreshGrant), MockResponse> = state.withLockedValue { state in
            guard let grant = state.refreshTokens[value], grant.clientID == client.id else {
                return .failure(.oauthError(400, "invalid_grant", "unknown refresh token"))
            }
            guard grant.thumbprint == certificate.thumbprint else {
                return .failure(.oauthError(400, "invalid_grant", "the refresh token belongs to another certificate"))
            }
            guard state.consents[grant.consentID]?.status == .authorised else {
                return .failure(.oauthError(400, "invalid_grant", "the consent is no longer authorised"))
            }
            let access = Self.randomToken()
            state.tokens[access] = AccessToken(
                clientID: client.id, thumbprint: certificate.thumbprint, scopes: grant.scopes,
                consentID: grant.consentID, user: grant.user,
                expires: now().addingTimeInterval(configuration.tokenLifetime))
            return .success((access, grant))
        }
        switch outcome {
        case let .failure(refusal): return refusal
        case let .success((access, grant)):
            return tokenResponse(access, scopes: grant.scopes, refresh: value, idToken: nil)
        }
    }

    private func issue(_ token: AccessToken) -> String {
        let value = Self.randomToken()
        state.withLockedValue { $0.tokens[value] = token }
        return value
    }

    private func tokenResponse(
        _ token: String, scopes: Set<String>, refresh: String?, idToken: String?
    )
        -> MockResponse
    {
        var members: [(key: String, value: JSONValue)] = [
            ("access_token", .string(token)), ("token_type", .string("Bearer")),
            ("expires_in", .number(String(Int(configuration.tokenLifetime)))),
            ("scope", .string(scopes.sorted().joined(separator: " "))),
        ]
        if let refresh { members.append(("refresh_token", .string(refresh))) }
        if let idToken { members.append(("id_token", .string(idToken))) }
        return .json(200, .object(members), headers: [("Cache-Control", "no-store"), ("Pragma", "no-cache")])
    }

    /// An unsigned ID token (`alg: none`): the mock has no signing key; it carries the intent id as Ozone's does.
    func idToken(client: String, consentID: String, user: String, nonce: String?) -> String {
        let issued = Int(now().timeIntervalSince1970)
        var claims: [(key: String, value: JSONValue)] = [
            ("iss", .string(configuration.issuer)), ("sub", .string(consentID)), ("aud", .string(client)),
            ("iat", .number(String(issued))), ("exp", .number(String(issued + Int(configuration.tokenLifetime)))),
            ("openbanking_intent_id", .string(consentID)), ("psu", .string(user)),
        ]
        if let nonce { claims.append(("nonce", .string(nonce))) }
        let header = JSONValue.object([("alg", .string("none")), ("typ", .string("JWT"))])
        return Base64URL.encode(Array(header.rendered(indent: nil).utf8)) + "."
            + Base64URL.encode(Array(JSONValue.object(claims).rendered(indent: nil).utf8)) + "."
    }
}
