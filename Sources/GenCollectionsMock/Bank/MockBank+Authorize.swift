import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// The authorisation endpoint: reads the request object, checks the client, redirect URI, scope and consent,
/// then approves headlessly or through the login page, and redirects with the code (query for `code`,
/// fragment for `code id_token`), echoing `state`.
extension MockBank {
    func authorize(_ request: MockRequest) -> MockResponse {
        guard request.method == "GET" || request.method == "POST" else {
            return .oauthError(405, "invalid_request", "the authorisation endpoint takes GET (and POST from its page)")
        }
        let parameters = request.method == "POST" ? FormEncoding.decode(request.bodyText) : request.query
        // Until the client and its redirect URI are known, errors are shown, never redirected (RFC 6749 §4.1.2.1).
        guard let clientID = parameters["client_id"], let client = state.withLockedValue({ $0.clients[clientID] })
        else {
            return LoginPage.error(400, "Unknown client", "client_id is missing or not registered at this bank.")
        }
        guard let redirect = parameters["redirect_uri"], client.redirectURIs.contains(redirect) else {
            return LoginPage.error(
                400, "Unregistered redirect URI", "redirect_uri must be one the client registered.")
        }
        let responseType = parameters["response_type"] ?? ""
        let reply = Redirection(uri: redirect, fragment: responseType != "code", state: parameters["state"])
        guard responseType == "code" || responseType == "code id_token" else {
            return reply.error("unsupported_response_type", "response_type must be 'code' or 'code id_token'")
        }
        let object: RequestObject
        switch RequestObject.decode(parameters["request"]) {
        case let .success(decoded): object = decoded
        case let .failure(problem): return reply.error("invalid_request_object", problem.message)
        }
        if let problem = object.problem(
            clientID: clientID, redirectURI: redirect, responseType: responseType, issuer: configuration.issuer,
            now: now())
        {
            return reply.error("invalid_request_object", problem)
        }
        let scopes = (parameters["scope"] ?? object.scope ?? "").split(separator: " ").map(String.init)
        guard scopes.contains("openid") else { return reply.error("invalid_scope", "scope must include openid") }
        guard let intentID = object.intentID else {
            return reply.error(
                "invalid_request_object", "the request object has no claims.id_token.openbanking_intent_id")
        }
        guard let consent = state.withLockedValue({ $0.consents[intentID] }), consent.clientID == clientID else {
            return reply.error("invalid_request", "unknown consent '\(intentID)' for this client")
        }
        guard scopes.contains(consent.kind.scope) else {
            return reply.error("invalid_scope", "this consent needs the scope '\(consent.kind.scope)'")
        }
        guard consent.status == .awaitingAuthorisation || (consent.status == .authorised && !consent.codeRedeemed)
        else {
            return reply.error("invalid_request", "the consent is \(consent.status.rawValue); create a new one")
        }
        let approval = Approval(
            consentID: intentID, clientID: clientID, redirect: reply, scopes: scopes,
            nonce: parameters["nonce"] ?? object.nonce)
        switch configuration.psuMode {
        case .headless:
            let hinted = configuration.users.first { $0.name == object.loginHint }
            return approve(approval, user: hinted ?? configuration.users[0])
        case .login:
            guard request.method == "POST" else {
                return LoginPage.form(
                    bank: spec.title, parameters: parameters, users: configuration.users, consent: consent, message: nil
                )
            }
            if parameters["action"] == "deny" {
                state.withLockedValue { state in
                    state.consents[intentID]?.status = .rejected
                    state.consents[intentID]?.updated = now()
                }
                return reply.error("access_denied", "the PSU denied the consent")
            }
            guard let user = configuration.users.first(where: { $0.name == parameters["username"] }),
                user.password == parameters["password"]
            else {
                var page = LoginPage.form(
                    bank: spec.title, parameters: parameters, users: configuration.users, consent: consent,
                    message: "Wrong user name or password.")
                page.status = 401
                return page
            }
            return approve(approval, user: user)
        }
    }

    struct Approval {
        var consentID: String
        var clientID: String
        var redirect: Redirection
        var scopes: [String]
        var nonce: String?
    }

    /// The PSU approves: the consent is Authorised for their accounts, and a fresh single-use code redirects back.
    private func approve(_ approval: Approval, user: SandboxUser) -> MockResponse {
        let code = Self.randomToken()
        let index = configuration.users.firstIndex(of: user) ?? 0
        state.withLockedValue { state in
            state.consents[approval.consentID]?.status = .authorised
            state.consents[approval.consentID]?.updated = now()
            state.consents[approval.consentID]?.user = user.name
            state.consents[approval.consentID]?.accountIDs = SandboxData.accounts(of: user, index: index).map(\.id)
            state.codes[code] = AuthorizationCode(
                consentID: approval.consentID, clientID: approval.clientID, redirectURI: approval.redirect.uri,
                scopes: approval.scopes, user: user.name, nonce: approval.nonce, issued: now())
        }
        var parameters = [("code", code)]
        if approval.redirect.fragment {
            parameters.append(
                (
                    "id_token",
                    idToken(
                        client: approval.clientID, consentID: approval.consentID, user: user.name,
                        nonce: approval.nonce)
                ))
        }
        return approval.redirect.send(parameters)
    }

    /// The OIDC discovery document (served without a client certificate, as OB's profile says).
    func wellKnown(_ request: MockRequest) -> MockResponse {
        let origin = configuration.origin
        func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }
        return .json(
            200,
            .object([
                ("issuer", .string(configuration.issuer)),
                ("authorization_endpoint", .string(origin + routes.authorizePath)),
                ("token_endpoint", .string(origin + routes.tokenPath)),
                ("registration_endpoint", .string(origin + routes.registerPath)),
                ("response_types_supported", strings(["code", "code id_token"])),
                ("response_modes_supported", strings(["query", "fragment"])),
                ("grant_types_supported", strings(["authorization_code", "client_credentials", "refresh_token"])),
                ("scopes_supported", strings(["openid", "accounts", "payments", "fundsconfirmations"])),
                ("subject_types_supported", strings(["public"])),
                ("id_token_signing_alg_values_supported", strings(["none"])),
                ("request_object_signing_alg_values_supported", strings(["none", "PS256"])),
                ("token_endpoint_auth_methods_supported", strings(["client_secret_basic"])),
                ("claims_supported", strings(["openbanking_intent_id", "acr", "sub"])),
                ("request_parameter_supported", .bool(true)),
                ("tls_client_certificate_bound_access_tokens", .bool(true)),
            ]))
    }
}

/// Where the authorisation response goes: the client's redirect URI, parameters in the query or the fragment.
struct Redirection {
    var uri: String
    var fragment: Bool
    var state: String?

    func send(_ parameters: [(String, String)]) -> MockResponse {
        var all = parameters
        if let state { all.append(("state", state)) }
        let separator = fragment ? "#" : (uri.contains("?") ? "&" : "?")
        return .redirect(uri + separator + FormEncoding.encode(all))
    }

    func error(_ code: String, _ description: String) -> MockResponse {
        send([("error", code), ("error_description", description)])
    }
}
