extension Spec {
    /// How the client authenticates at the token endpoint (its registered `token_endpoint_auth_method`). Token steps
    /// say `auth: client` and get the header or form fields the method needs.
    public struct ClientAuth: Sendable, Hashable {
        public enum Method: String, Sendable, Hashable, CaseIterable {
            /// `Authorization: Basic base64(clientId:clientSecret)`.
            case clientSecretBasic = "client_secret_basic"
            /// `client_id` and `client_secret` in the form body.
            case clientSecretPost = "client_secret_post"
            /// `client_id` in the form body; the transport certificate identifies the client (RFC 8705).
            case tlsClientAuth = "tls_client_auth"
            /// `client_assertion`, a JWT signed with the TPP's key (RFC 7523). Newman cannot sign it: the collection
            /// sends the variable the spec names, which must hold a fresh signed JWT.
            case privateKeyJWT = "private_key_jwt"

            /// The credential keys the method takes, the required ones first.
            public var keys: (required: [String], optional: [String]) {
                switch self {
                case .clientSecretBasic: return ([], ["basicToken", "clientId", "clientSecret"])
                case .clientSecretPost: return (["clientId", "clientSecret"], [])
                case .tlsClientAuth: return (["clientId"], [])
                case .privateKeyJWT: return (["assertion"], ["clientId"])
                }
            }
        }

        /// The form value of `client_assertion_type` for a JWT assertion (RFC 7523 §2.2).
        public static let jwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

        public var method: Method
        /// The client id, e.g. `{{clientId}}`.
        public var clientId: Located<String>?
        /// The client secret, e.g. `{{clientSecret}}` (a secret variable).
        public var clientSecret: Located<String>?
        /// A pre-encoded `base64(clientId:clientSecret)`, as Ozone's helper file provides it (`{{basicToken}}`).
        public var basicToken: Located<String>?
        /// The signed client assertion, e.g. `{{clientAssertion}}`.
        public var assertion: Located<String>?

        public init(
            method: Method, clientId: Located<String>? = nil, clientSecret: Located<String>? = nil,
            basicToken: Located<String>? = nil, assertion: Located<String>? = nil
        ) {
            self.method = method
            self.clientId = clientId
            self.clientSecret = clientSecret
            self.basicToken = basicToken
            self.assertion = assertion
        }

        /// The auth a token request sends, and the form fields it adds to the body.
        public var request: (auth: Auth, formFields: [NamedValue]) {
            switch method {
            case .clientSecretBasic:
                if let basicToken { return (.basicToken(basicToken), []) }
                guard let clientId, let clientSecret else { return (.none, []) }
                return (.basic(username: clientId, password: clientSecret), [])
            case .clientSecretPost:
                return (.none, field("client_id", clientId) + field("client_secret", clientSecret))
            case .tlsClientAuth:
                return (.none, field("client_id", clientId))
            case .privateKeyJWT:
                return (
                    .none,
                    field("client_id", clientId)
                        + field("client_assertion_type", Located(Self.jwtBearerAssertionType))
                        + field("client_assertion", assertion)
                )
            }
        }

        private func field(_ name: String, _ value: Located<String>?) -> [NamedValue] {
            value.map { [NamedValue(name: name, value: $0)] } ?? []
        }
    }
}
