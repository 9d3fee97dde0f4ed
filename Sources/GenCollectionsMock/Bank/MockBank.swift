import Crypto
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import NIOConcurrencyHelpers

/// The sandbox bank: a state machine from a parsed request (and the verified client certificate) to a response.
/// No sockets: `MockServer` feeds it, and unit tests call `handle` directly.
///
/// The flow it keeps: clients (pre-registered and DCR), account-access and payment consents
/// (AwaitingAuthorisation → Authorised → Consumed, or Rejected/Revoked), authorisation codes bound to their
/// consent, client and redirect URI, access tokens bound to the client certificate, payments with
/// idempotency keys.
public final class MockBank: Sendable {
    public let configuration: MockConfiguration
    public let routes: Routes
    let spec: Spec
    let state = NIOLockedValueBox(BankState())
    /// Serialises idempotent creations, so that two first uses of one key at once create one resource.
    let idempotentCreation = NIOLock()
    let now: @Sendable () -> Date
    /// The client registered at start, for runs without DCR.
    public let testClient: RegisteredClient

    public static let testRedirectURI = "https://tpp.example/callback"

    public init(spec: Spec, configuration: MockConfiguration, now: @escaping @Sendable () -> Date = { Date() }) {
        self.spec = spec
        self.configuration = configuration
        self.routes = Routes(spec: spec)
        self.now = now
        testClient = RegisteredClient(
            id: "mock-" + Self.randomToken(bytes: 8), secret: Self.randomToken(bytes: 24),
            redirectURIs: [Self.testRedirectURI], scopes: ["openid", "accounts", "payments", "fundsconfirmations"])
        state.withLockedValue { $0.clients[testClient.id] = testClient }
    }

    /// Answers one request. Every answer echoes `x-fapi-interaction-id` (or carries a fresh one).
    public func handle(_ request: MockRequest) -> MockResponse {
        var response = route(request)
        let interaction = request.header("x-fapi-interaction-id").flatMap { UUID(uuidString: $0) != nil ? $0 : nil }
        response.setHeader("x-fapi-interaction-id", interaction ?? UUID().uuidString.lowercased())
        return response
    }

    private func route(_ request: MockRequest) -> MockResponse {
        guard let match = routes.match(method: request.method, path: request.path) else {
            return .obError(404, OBErrorCode.notFound, "no such endpoint: \(request.method) \(request.path)")
        }
        if let reason = match.step?.unsupported {
            return .obError(404, OBErrorCode.notFound, "not supported by this bank: \(reason)")
        }
        let response: MockResponse
        switch match.endpoint {
        case .token: response = token(request)
        case .authorize: return authorize(request)
        case .register: response = register(request)
        case .helperEnvironment: response = helperEnvironment(request)
        case .wellKnown: return wellKnown(request)
        case let .resource(group, pattern, ids):
            response = resource(request, group: group, pattern: pattern, ids: ids, step: match.step)
        case .step: response = stepDefault(request, step: match.step!)
        }
        guard let example = match.step?.response, (200..<400).contains(response.status) else { return response }
        return Self.serve(example, over: response)
    }

    // MARK: - Examples and defaults

    /// The step's example instead of the default answer; the state changed as the default said, and the ids
    /// the mock made replace the example's, so later steps find what they captured.
    static func serve(_ example: Spec.ResponseExample, over response: MockResponse) -> MockResponse {
        var served = MockResponse(status: example.status)
        switch example.body {
        case var .json(value)?:
            if let made = response.json {
                for path in ["Data.ConsentId", "Data.DomesticPaymentId", "access_token", "client_id"] {
                    let path = JSONPath(path)!
                    if let id = made.value(at: path), value.value(at: path) != nil { value.set(id, at: path) }
                }
            }
            served = .json(example.status, value)
        case let .text(text)?: served = .text(example.status, text)
        case nil: break
        }
        for header in example.headers { served.setHeader(header.name, header.value.value) }
        return served
    }

    /// A step whose path the mock has no logic for: the client certificate and, for a bearer step, a token of
    /// this client; then an Open Banking-shaped empty answer (the step's example replaces it).
    func stepDefault(_ request: MockRequest, step: Spec.Step) -> MockResponse {
        guard let client = request.client else { return Self.certificateRequired() }
        if case .bearer? = step.auth {
            if case let .failure(refusal) = bearer(request, client: client, scope: nil, psu: nil) { return refusal }
        }
        return .json(
            200,
            .object([
                ("Data", .object([])), ("Links", .object([("Self", .string(configuration.origin + request.path))])),
                ("Meta", .object([])),
            ]))
    }

    // MARK: - Shared checks

    static func certificateRequired() -> MockResponse {
        .obError(
            401, OBErrorCode.unauthorized,
            "this endpoint needs a client certificate (mutual TLS) issued by the mock's CA")
    }

    /// The FAPI headers of a resource request: `x-fapi-financial-id` when the bank requires it, and the format
    /// of `x-fapi-interaction-id` and `x-fapi-auth-date` when sent.
    func fapiHeaderProblem(_ request: MockRequest) -> MockResponse? {
        if let required = configuration.financialID {
            guard let given = request.header("x-fapi-financial-id") else {
                return .obError(
                    400, OBErrorCode.headerMissing, "x-fapi-financial-id is required", path: "x-fapi-financial-id")
            }
            if given != required {
                return .obError(
                    400, OBErrorCode.headerInvalid, "x-fapi-financial-id must be this bank's id, \(required)",
                    path: "x-fapi-financial-id")
            }
        }
        if let id = request.header("x-fapi-interaction-id"), UUID(uuidString: id) == nil {
            return .obError(
                400, OBErrorCode.headerInvalid, "x-fapi-interaction-id must be a UUID", path: "x-fapi-interaction-id")
        }
        if let date = request.header("x-fapi-auth-date"), !Self.isHTTPDate(date) {
            return .obError(
                400, OBErrorCode.headerInvalid,
                "x-fapi-auth-date must be an RFC 7231 date, e.g. "
                    + "'Sun, 10 Sep 2017 19:43:31 GMT'", path: "x-fapi-auth-date")
        }
        return nil
    }

    static func isHTTPDate(_ text: String) -> Bool {
        text.range(
            of:
                #"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$"#,
            options: .regularExpression) != nil
    }

    /// The bearer token of a resource request: known, unexpired, of this client and certificate, with `scope`,
    /// and (`psu`) from a PSU's authorisation (true) or a client-credentials grant (false).
    func bearer(
        _ request: MockRequest, client: ClientIdentity, scope: String?, psu: Bool?
    ) -> Result<
        AccessToken, MockResponse
    > {
        guard let header = request.header("Authorization"), header.lowercased().hasPrefix("bearer ") else {
            return .failure(Self.invalidToken("an 'Authorization: Bearer' token is required", missing: true))
        }
        let value = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard let token = state.withLockedValue({ $0.tokens[value] }) else {
            return .failure(Self.invalidToken("the access token is unknown or revoked"))
        }
        guard token.expires > now() else { return .failure(Self.invalidToken("the access token has expired")) }
        guard token.thumbprint == client.thumbprint else {
            return .failure(Self.invalidToken("the access token was issued to another client certificate"))
        }
        if let scope, !token.scopes.contains(scope) {
            return .failure(
                .obError(403, OBErrorCode.unauthorized, "the access token's scope does not include '\(scope)'"))
        }
        if let psu, psu != (token.consentID != nil) {
            return .failure(
                .obError(
                    403, OBErrorCode.unauthorized,
                    psu
                        ? "this endpoint needs a token of the authorization_code grant (the PSU's consent)"
                        : "this endpoint needs a token of the client_credentials grant"))
        }
        return .success(token)
    }

    static func invalidToken(_ message: String, missing: Bool = false) -> MockResponse {
        var response = MockResponse.obError(
            401, missing ? OBErrorCode.headerMissing : OBErrorCode.headerInvalid, message, path: "Authorization")
        response.headers.append(("WWW-Authenticate", missing ? "Bearer" : "Bearer error=\"invalid_token\""))
        return response
    }

    /// A JSON request body, or the 415/400 answer.
    static func jsonBody(_ request: MockRequest) -> Result<JSONValue, MockResponse> {
        guard request.mediaType == "application/json" else {
            return .failure(
                .obError(415, OBErrorCode.headerInvalid, "the body must be application/json", path: "Content-Type"))
        }
        guard let value = try? JSONValue(json: Data(request.body)), value.members != nil else {
            return .failure(.obError(400, OBErrorCode.fieldInvalid, "the body is not a JSON object"))
        }
        return .success(value)
    }

    // MARK: - Identifiers and time

    static func randomToken(bytes count: Int = 24) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Base64URL.encode(bytes)
    }

    static func digest(_ bytes: [UInt8]) -> String {
        Hex.lowercase(SHA256.hash(data: bytes))
    }

    func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date).replacingOccurrences(of: "Z", with: "+00:00")
    }
}

/// The error codes the mock answers with (Open Banking's `OBErrorResponseError1Code`; the two without an
/// Open Banking code, for 401/403 and 404, are the mock's own).
enum OBErrorCode {
    static let fieldMissing = "UK.OBIE.Field.Missing"
    static let fieldInvalid = "UK.OBIE.Field.Invalid"
    static let fieldUnexpected = "UK.OBIE.Field.Unexpected"
    static let headerMissing = "UK.OBIE.Header.Missing"
    static let headerInvalid = "UK.OBIE.Header.Invalid"
    static let resourceNotFound = "UK.OBIE.Resource.NotFound"
    static let consentMismatch = "UK.OBIE.Resource.ConsentMismatch"
    static let invalidConsentStatus = "UK.OBIE.Resource.InvalidConsentStatus"
    static let unsupportedCurrency = "UK.OBIE.Unsupported.Currency"
    static let unsupportedScheme = "UK.OBIE.Unsupported.Scheme"
    static let unauthorized = "UK.OBIE.Unauthorized"
    static let notFound = "UK.OBIE.NotFound"
}

/// base64url without padding (RFC 7515).
enum Base64URL {
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64).map(Array.init)
    }
}
