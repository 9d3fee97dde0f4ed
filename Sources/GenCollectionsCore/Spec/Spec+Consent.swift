import GenCollectionsBase

extension Spec {
    /// The PSU consent step: builds the authorisation URL with a request object carrying the consent id, and checks
    /// that the bank's authorisation server accepts it. The runner prints the URL and collects the code.
    public struct Consent: Sendable, Hashable {
        public var authorizeEndpoint: Located<String>
        public var clientId: Located<String>
        public var responseType: String
        public var scope: String
        public var redirectUri: Located<String>
        /// The consent id, sent as `openbanking_intent_id`.
        public var intentId: Located<String>
        /// The authorisation server's issuer: the request object's `aud`.
        public var audience: Located<String>
        /// Variable the consent URL is saved to.
        public var saveAs: String
        /// Variable that receives the authorisation code from the PSU's redirect.
        public var codeVariable: String
        /// Whether the step sends the consent URL to the authorisation server (never following its redirect) to
        /// check the bank accepts it. A bank that approves there without a login page (headless) answers with the
        /// code, which the runner then uses; `false` leaves the URL to the PSU alone.
        public var check: Bool

        public init(
            authorizeEndpoint: Located<String>, clientId: Located<String>, responseType: String = "code id_token",
            scope: String, redirectUri: Located<String>, intentId: Located<String>, audience: Located<String>,
            saveAs: String = "consentUrl", codeVariable: String, check: Bool = true
        ) {
            self.authorizeEndpoint = authorizeEndpoint
            self.clientId = clientId
            self.responseType = responseType
            self.scope = scope
            self.redirectUri = redirectUri
            self.intentId = intentId
            self.audience = audience
            self.saveAs = saveAs
            self.codeVariable = codeVariable
            self.check = check
        }
    }

    /// The request object of the consent steps (OIDC `request`, FAPI / OB security profile). Its claims are `iss`,
    /// `aud`, `response_type`, `client_id`, `redirect_uri`, `scope`, `state`, `nonce`, `nbf`, `exp`, the consent id
    /// as `openbanking_intent_id` in `claims.userinfo` and `claims.id_token`, then what the fields below add.
    /// The defaults are what specs without a `requestObject` section get.
    public struct RequestObject: Sendable, Hashable {
        /// How the request object is signed.
        public enum Signing: Sendable, Hashable {
            /// `{"alg":"none"}` and an empty signature: the compact form ends in `.`.
            case none
            /// RSASSA-PSS with SHA-256. Newman cannot sign RSA, so the runner signs what the consent script builds.
            case ps256(SigningKey)

            /// The JOSE `alg`, as in the registration claim `request_object_signing_alg`.
            public var algorithm: String {
                switch self {
                case .none: return "none"
                case .ps256: return "PS256"
                }
            }
        }

        /// The TPP's request-object signing key, which never goes into a generated file.
        public struct SigningKey: Sendable, Hashable {
            /// PEM private key, relative to where the runner runs.
            public var key: Located<String>
            /// The key id at the TPP's JWKS, sent as the JOSE `kid`; may hold `{{variables}}`.
            public var kid: Located<String>
            /// Name of the environment variable holding the key passphrase.
            public var passphraseEnv: String?

            public init(key: Located<String>, kid: Located<String>, passphraseEnv: String? = nil) {
                self.key = key
                self.kid = kid
                self.passphraseEnv = passphraseEnv
            }
        }

        /// The values of Open Banking's essential `acr` claim (today's default for every spec).
        public static let openBankingACR = ["urn:openbanking:psd2:sca", "urn:openbanking:psd2:ca"]

        public var signing: Signing
        /// Seconds from `nbf` (now) to `exp`.
        public var lifetime: Int
        /// Values of the essential `acr` claim in `claims.id_token`; empty: no `acr` claim.
        public var acr: [String]
        /// The `max_age` claim, in seconds; nil: none.
        public var maxAge: Int?
        /// More top-level claims, after the standard ones; string values may hold `{{variables}}`.
        public var claims: [Claim]

        public init(
            signing: Signing = .none, lifetime: Int = 300, acr: [String] = openBankingACR, maxAge: Int? = nil,
            claims: [Claim] = []
        ) {
            self.signing = signing
            self.lifetime = lifetime
            self.acr = acr
            self.maxAge = maxAge
            self.claims = claims
        }
    }

    /// A claim of a JWT the spec describes; the value keeps its JSON type.
    public struct Claim: Sendable, Hashable {
        public var name: Located<String>
        public var value: JSONValue

        public init(name: Located<String>, value: JSONValue) {
            self.name = name
            self.value = value
        }
    }
}
