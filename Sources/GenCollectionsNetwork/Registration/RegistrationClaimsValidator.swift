import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Checks registration claims against OB DCR v3.2/v3.3 (`OBClientRegistrationRequest1`) before anything is signed,
/// so a mistake is named here rather than as a bare `invalid_client_metadata` from the bank.
///
/// Errors: a required claim missing, a wrong type, a value outside the allowed set, a redirect URI that is not
/// https or points at localhost, `software_id` differing from the SSA's. Warnings: what the OB table marks
/// mandatory but sandboxes often relax, patterns of `iss`/`aud`, redirect URIs missing from the SSA.
enum RegistrationClaimsValidator {
    static let authMethods = [
        "private_key_jwt", "client_secret_jwt", "client_secret_basic", "client_secret_post",
        "tls_client_auth",
    ]
    static let grantTypes = [
        "client_credentials", "authorization_code", "refresh_token",
        "urn:openid:params:grant-type:ciba",
    ]
    static let responseTypes = ["code", "code id_token"]
    static let applicationTypes = ["web", "mobile", "native"]
    static let signingAlgs = ["RS256", "PS256", "ES256"]

    static func validate(_ claims: [RegistrationClaims.Claim], softwareStatement: SoftwareStatement) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let byName = Dictionary(claims.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func place(_ claim: RegistrationClaims.Claim) -> String {
            claim.location == nil ? " (from \(claim.origin))" : ""
        }
        func error(_ claim: RegistrationClaims.Claim, _ message: String, hint: String? = nil) {
            problems.append(.error("register-invalid-claim", message + place(claim), at: claim.location, hint: hint))
        }
        func warn(_ claim: RegistrationClaims.Claim, _ message: String, hint: String? = nil) {
            problems.append(.warning("register-suspect-claim", message + place(claim), at: claim.location, hint: hint))
        }
        func string(_ name: String) -> String? {
            guard let claim = byName[name] else { return nil }
            guard case let .string(text) = claim.value, !text.isEmpty else {
                error(claim, "claim '\(name)' must be a non-empty string, not \(claim.value.rendered(indent: nil))")
                return nil
            }
            return text
        }
        func strings(_ name: String) -> [String]? {
            guard let claim = byName[name] else { return nil }
            guard case let .array(items) = claim.value, !items.isEmpty,
                case let texts = items.compactMap({ if case let .string(text) = $0 { text } else { nil } }),
                texts.count == items.count
            else {
                error(
                    claim,
                    "claim '\(name)' must be a non-empty list of strings, not \(claim.value.rendered(indent: nil))")
                return nil
            }
            return texts
        }
        func oneOf(_ name: String, _ value: String, _ allowed: [String]) {
            guard !allowed.contains(value), let claim = byName[name] else { return }
            error(claim, "claim '\(name)' has '\(value)', which is not one of \(allowed.joined(separator: ", "))")
        }

        let required: [(String, String)] = [
            ("iss", "pass --software-id, or an SSA that carries software_id"),
            ("aud", "set registration.claims.aud to the bank's organisation id"),
            ("redirect_uris", "pass --redirect-uri https://... (repeatable)"),
            ("token_endpoint_auth_method", "set it in registration.claims, e.g. client_secret_basic"),
            ("grant_types", "set it in registration.claims, e.g. [authorization_code, client_credentials]"),
            ("scope", "pass --scope 'openid accounts', or set registration.claims.scope"),
        ]
        for (name, hint) in required where byName[name] == nil {
            problems.append(.error("register-missing-claim", "the required claim '\(name)' is missing", hint: hint))
        }
        for name in ["application_type", "id_token_signed_response_alg", "request_object_signing_alg"]
        where byName[name] == nil {
            problems.append(
                .warning(
                    "register-missing-claim", "claim '\(name)' is missing; OB DCR lists it as mandatory",
                    hint: "add it to registration.claims unless the bank says otherwise"))
        }

        if let iss = string("iss"), iss.range(of: "^[0-9a-zA-Z]{1,22}$", options: .regularExpression) == nil,
            let claim = byName["iss"]
        {
            warn(claim, "claim 'iss' is '\(iss)'; OB expects the software id (1-22 letters and digits)")
        }
        if let claim = byName["aud"] {
            if case .array = claim.value {
                _ = strings("aud")
            } else if let aud = string("aud"),
                aud.range(of: "^[0-9a-zA-Z]{1,18}$", options: .regularExpression) == nil
            {
                warn(claim, "claim 'aud' is '\(aud)'; OB expects the bank's organisation id (1-18 letters and digits)")
            }
        }
        if let uris = strings("redirect_uris"), let claim = byName["redirect_uris"] {
            for uri in uris {
                if let problem = redirectProblem(uri) { error(claim, "redirect URI '\(uri)' \(problem)") }
            }
            if let allowed = softwareStatement.redirectURIs {
                for uri in uris where !allowed.contains(uri) && redirectProblem(uri) == nil {
                    warn(
                        claim, "redirect URI '\(uri)' is not among the SSA's software_redirect_uris",
                        hint: "the bank rejects URIs the SSA does not list: \(allowed.joined(separator: ", "))")
                }
            }
        }
        if let method = string("token_endpoint_auth_method") {
            oneOf("token_endpoint_auth_method", method, authMethods)
            if ["private_key_jwt", "client_secret_jwt"].contains(method),
                byName["token_endpoint_auth_signing_alg"] == nil
            {
                problems.append(
                    .error(
                        "register-missing-claim",
                        "'\(method)' needs the claim 'token_endpoint_auth_signing_alg'"))
            }
            if method == "tls_client_auth", byName["tls_client_auth_subject_dn"] == nil {
                problems.append(
                    .error(
                        "register-missing-claim", "'tls_client_auth' needs the claim 'tls_client_auth_subject_dn'",
                        hint: "the subject DN of your transport certificate"))
            }
        }
        strings("grant_types")?.forEach { oneOf("grant_types", $0, grantTypes) }
        strings("response_types")?.forEach { oneOf("response_types", $0, responseTypes) }
        string("application_type").map { oneOf("application_type", $0, applicationTypes) }
        string("id_token_signed_response_alg").map { oneOf("id_token_signed_response_alg", $0, signingAlgs) }
        string("token_endpoint_auth_signing_alg").map { oneOf("token_endpoint_auth_signing_alg", $0, signingAlgs) }
        string("request_object_signing_alg").map { oneOf("request_object_signing_alg", $0, signingAlgs + ["none"]) }
        if let scope = string("scope"), let claim = byName["scope"] {
            if scope.count > 256 {
                error(claim, "claim 'scope' is \(scope.count) characters long; at most 256 are allowed")
            }
            if scope.split(separator: " ", omittingEmptySubsequences: false).contains(where: \.isEmpty)
                || scope.contains(where: { $0.isWhitespace && $0 != " " })
            {
                error(claim, "claim 'scope' is '\(scope)'; use single spaces between scopes, e.g. 'openid accounts'")
            }
        }
        if let id = string("software_id"), let expected = softwareStatement.softwareID, id != expected,
            let claim = byName["software_id"]
        {
            error(claim, "claim 'software_id' is '\(id)' but the SSA's software_id is '\(expected)'")
        }
        if softwareStatement.claims == nil, let claim = byName["software_statement"] {
            warn(
                claim, "the software statement is not a readable JWS",
                hint: "give the SSA exactly as the Directory issued it")
        }
        if let iat = byName["iat"], let exp = byName["exp"], case let .number(start) = iat.value,
            case let .number(end) = exp.value, (Int(end) ?? 0) <= (Int(start) ?? 0)
        {
            error(exp, "claim 'exp' must be after 'iat'", hint: "give a positive --lifetime")
        }
        return problems
    }

    /// Why a redirect URI is not acceptable to OB DCR, or nil when it is.
    static func redirectProblem(_ uri: String) -> String? {
        if uri.count > 256 { return "is longer than 256 characters" }
        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased() else {
            return "is not a URL"
        }
        guard scheme == "https" else { return "must use https" }
        guard let host = components.host?.lowercased(), !host.isEmpty else { return "has no host" }
        let local = ["localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"]
        if local.contains(host) || host.hasSuffix(".localhost") { return "must not point at localhost" }
        return nil
    }
}
