import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// A client the bank knows: pre-registered at start, or registered by DCR.
public struct RegisteredClient: Sendable, Hashable {
    public var id: String
    public var secret: String
    public var redirectURIs: [String]
    public var scopes: Set<String>

    /// `base64(id:secret)`, as client_secret_basic sends it.
    public var basicToken: String { Data("\(id):\(secret)".utf8).base64EncodedString() }
}

/// Consent status, as Open Banking names it.
enum ConsentStatus: String, Sendable {
    case awaitingAuthorisation = "AwaitingAuthorisation"
    case authorised = "Authorised"
    case rejected = "Rejected"
    case revoked = "Revoked"
    case consumed = "Consumed"
}

struct StoredConsent: Sendable {
    enum Kind: Sendable {
        case accountAccess(permissions: [String])
        case domesticPayment(initiation: JSONValue, risk: JSONValue)

        /// The scope an authorisation of this consent needs.
        var scope: String {
            if case .accountAccess = self { return "accounts" }
            return "payments"
        }
    }

    var id: String
    var kind: Kind
    var clientID: String
    var status: ConsentStatus
    var created: Date
    var updated: Date
    /// The PSU who authorised it, and the accounts they selected.
    var user: String?
    var accountIDs: [String] = []
    /// Set once an authorisation code of this consent is exchanged: it cannot be authorised again.
    var codeRedeemed = false
    /// Body of the creating request, for an idempotent replay.
    var request: JSONValue
}

struct AuthorizationCode: Sendable {
    var consentID: String
    var clientID: String
    var redirectURI: String
    var scopes: [String]
    var user: String
    var nonce: String?
    var issued: Date
    var used = false
    /// Tokens issued from it: revoked when the code is replayed (RFC 6749 §4.1.2).
    var tokens: [String] = []
}

struct AccessToken: Sendable {
    var clientID: String
    /// The client certificate the token was issued to (RFC 8705): it is refused from any other.
    var thumbprint: String
    var scopes: Set<String>
    /// Set for tokens of the authorisation-code and refresh grants: the consent and PSU they act for.
    var consentID: String?
    var user: String?
    var expires: Date
}

struct RefreshGrant: Sendable {
    var clientID: String
    var thumbprint: String
    var consentID: String
    var user: String
    var scopes: Set<String>
}

struct StoredPayment: Sendable {
    var id: String
    var consentID: String
    var clientID: String
    var created: Date
    var initiation: JSONValue
}

/// What a replayed `x-idempotency-key` gets: the first answer, when the body is the same.
struct IdempotentReply: Sendable {
    var bodyDigest: String
    var response: MockResponse
}

/// Everything the bank remembers. Lives in memory for the life of the process.
struct BankState: Sendable {
    var clients: [String: RegisteredClient] = [:]
    var consents: [String: StoredConsent] = [:]
    var codes: [String: AuthorizationCode] = [:]
    var tokens: [String: AccessToken] = [:]
    var refreshTokens: [String: RefreshGrant] = [:]
    var payments: [String: StoredPayment] = [:]
    var idempotency: [String: IdempotentReply] = [:]
}
