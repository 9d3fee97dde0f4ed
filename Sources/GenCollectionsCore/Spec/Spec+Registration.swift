import GenCollectionsBase

extension Spec {
    /// Dynamic Client Registration: where to register and the claims of the registration JWT.
    public struct Registration: Sendable, Hashable {
        public var endpoint: Located<String>?
        /// Claims in spec order; values may hold `{{variables}}`.
        public var claims: [Claim]
        /// Environment variable the registration request sends as its body.
        public var bodyVariable: String

        public init(endpoint: Located<String>? = nil, claims: [Claim] = [], bodyVariable: String = "registrationJwt") {
            self.endpoint = endpoint
            self.claims = claims
            self.bodyVariable = bodyVariable
        }

        /// The value of the claim named `name`, if the spec gives it.
        public func claim(_ name: String) -> JSONValue? { claims.first { $0.name.value == name }?.value }
    }
}
