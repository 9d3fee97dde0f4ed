import GenCollectionsBase

/// OAuth 2.0 auth without an access token: Newman never fetches tokens, so it sends nothing.
public struct OAuth2AccessTokenRule: LintRule {
    public static let description = RuleDescription(
        id: "oauth2-access-token", name: "OAuth2 Access Token", category: .newman, defaultSeverity: .error,
        summary: "OAuth 2.0 auth needs an 'accessToken' value; newman never fetches one",
        explanation: """
            The Postman app's "Get New Access Token" button runs in the app only. Newman reads the `accessToken` \
            parameter and, when it is missing or empty, sends the request with no Authorization header. Fetch the \
            token in an earlier request or a pre-request script, store it in a variable, and set `accessToken` to \
            `{{accessToken}}` (or use bearer auth with that variable). Requests that also send a manual \
            `Authorization` header are fine: Newman sends that header as written.
            """,
        passing: [
            Example(
                #"{"auth": {"type": "oauth2", "oauth2": [{"key": "accessToken", "value": "{{accessToken}}", "type": "string"}]}, "url": "https://example.com"}"#
            ),
            Example(
                #"{"auth": {"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials", "type": "string"}]}, "header": [{"key": "Authorization", "value": "Bearer {{accessToken}}"}], "url": "https://example.com"}"#
            ),
            Example(
                #"[{"name": "F", "auth": {"type": "oauth2", "oauth2": [{"key": "tokenName", "value": "t"}]}, "item": [{"name": "R", "request": {"url": "https://example.com", "header": [{"key": "authorization", "value": "Bearer {{token}}"}]}}, {"name": "S", "request": {"url": "https://example.com", "auth": {"type": "noauth"}}}]}]"#,
                .items),
        ],
        failing: [
            Example(
                #"{"auth": ↓{"type": "oauth2", "oauth2": [{"key": "grant_type", "value": "client_credentials", "type": "string"}]}, "url": "https://example.com"}"#
            ),
            Example(
                #"[{"name": "F", "auth": ↓{"type": "oauth2", "oauth2": {"accessToken": ""}}, "item": [{"name": "R", "request": "https://example.com"}]}]"#,
                .items),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        let oauth2 = AuthParameters.authNodes(in: file).filter { document.string($0, "type") == "oauth2" }
        guard !oauth2.isEmpty else { return [] }
        let users = AuthParameters.requestsByEffectiveAuth(in: file)
        return oauth2.compactMap { auth in
            let token = Postman.authParameters(of: auth, in: JSONDocumentTree(document)).last {
                $0.key == "accessToken"
            }
            if let token, let value = document.string(token.value), !value.isEmpty { return nil }
            // Newman 6 sends a manual Authorization header as it is; only requests without one go unauthorised.
            let unauthorised = (users[auth] ?? []).filter { file.requests[$0].header("Authorization") == nil }
            guard !unauthorised.isEmpty else { return nil }
            return file.finding(
                at: auth, "oauth2 auth has no 'accessToken', so newman sends the request without authorization",
                hint:
                    "fetch the token in an earlier request, store it in a variable and set accessToken to '{{accessToken}}'"
            )
        }
    }
}
