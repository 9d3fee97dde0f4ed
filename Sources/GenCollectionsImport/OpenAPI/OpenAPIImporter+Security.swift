import Foundation
import GenCollectionsBase
import GenCollectionsCore
import OpenAPIKit

extension OpenAPIImporter {
    /// The auth of an endpoint's first security requirement: bearer and OAuth2 tokens (OAuth2 flows get token
    /// steps that capture them), basic, or an API key header; other schemes are warned about.
    mutating func auth(
        _ security: [DereferencedSecurityRequirement], operation: String, headers: inout [Spec.NamedValue],
        query: inout [Spec.NamedValue]
    ) -> Spec.Auth? {
        guard let requirement = security.first else { return nil }
        for (name, scoped) in requirement.schemes.sorted(by: { $0.key < $1.key }) {
            switch scoped.securityScheme.type {
            case let .http(scheme, _) where scheme.lowercased() == "bearer":
                declare(Spec.Variable(name: Located("accessToken"), secret: true))
                return .bearer(Located("{{accessToken}}"))
            case let .http(scheme, _) where scheme.lowercased() == "basic":
                declare(Spec.Variable(name: Located("username")))
                declare(Spec.Variable(name: Located("password"), secret: true))
                return .basic(username: Located("{{username}}"), password: Located("{{password}}"))
            case let .oauth2(flows, _):
                if let flow = flows.clientCredentials {
                    let token = "clientAccessToken"
                    tokenStep(
                        name: "Client credentials token", tokenURL: flow.tokenUrl, variable: token,
                        fields: [
                            ("grant_type", "client_credentials"),
                            ("scope", scoped.requiredScopes.joined(separator: " ")),
                        ])
                    return .bearer(Located("{{\(token)}}"))
                }
                if let flow = flows.authorizationCode {
                    let token = "accessToken"
                    declare(
                        Spec.Variable(
                            name: Located("authorizationCode"), description: "the code from the PSU's consent redirect")
                    )
                    declare(Spec.Variable(name: Located("redirectUrl")))
                    tokenStep(
                        name: "Authorization code token", tokenURL: flow.tokenUrl, variable: token,
                        fields: [
                            ("grant_type", "authorization_code"), ("code", "{{authorizationCode}}"),
                            ("redirect_uri", "{{redirectUrl}}"),
                        ])
                    return .bearer(Located("{{\(token)}}"))
                }
                warn(
                    "import-not-carried", "the OAuth2 flows of \(ItemText.quote(name)) have no token step",
                    hint: "client credentials and authorization code become token steps; add others by hand")
            case let .apiKey(keyName, location) where location == .header || location == .query:
                declare(Spec.Variable(name: Located("apiKey"), secret: true))
                let value = Spec.NamedValue(name: keyName, value: Located("{{apiKey}}"))
                if location == .header { headers.append(value) } else { query.append(value) }
                return nil
            default:
                warn(
                    "import-not-carried",
                    "the security scheme \(ItemText.quote(name)) of \(ItemText.quote(operation)) is not mapped",
                    hint: "a spec has bearer, basic and OAuth2 token steps; mutual TLS goes under `tls`")
            }
        }
        return nil
    }

    /// A token request at the flow's token URL (its own host), authenticating the client with basic auth and
    /// capturing `access_token`; once per variable.
    mutating func tokenStep(name: String, tokenURL: URL, variable: String, fields: [(String, String)]) {
        guard !tokenSteps.contains(where: { $0.captures.first?.variable.value == variable }) else { return }
        let host = "tokenUrl"
        if !hosts.contains(where: { $0.name.value == host }) {
            hosts.append(
                Spec.Host(
                    name: Located(host), url: Located(tokenURL.absoluteString), description: "OAuth2 token endpoint"))
        }
        declare(Spec.Variable(name: Located("clientId")))
        declare(Spec.Variable(name: Located("clientSecret"), secret: true))
        tokenSteps.append(
            Spec.Step(
                name: Located(stepNames.claim(name)), key: stepKeys.claimKey(for: name, fallback: "token"),
                method: "POST",
                url: Located("{{\(host)}}"), headerSets: [],
                auth: .basic(username: Located("{{clientId}}"), password: Located("{{clientSecret}}")),
                body: .form(fields.map { Spec.NamedValue(name: $0.0, value: Located($0.1)) }),
                expect: Spec.Expectations(status: [200]),
                captures: [Spec.Capture(variable: Located(variable), source: .json(JSONPath("access_token")!))]))
    }
}
