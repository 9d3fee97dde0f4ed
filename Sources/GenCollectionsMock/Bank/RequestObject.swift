import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// The authorisation request object (a JWT). `alg: none` (compact form ending in `.`) is what Ozone-style banks
/// register; a signed one is read but its signature is not checked (the mock holds no client keys).
struct RequestObject {
    struct Problem: Error { var message: String }

    var algorithm: String
    var claims: JSONValue

    static func decode(_ text: String?) -> Result<RequestObject, Problem> {
        guard let text, !text.isEmpty else { return .failure(Problem(message: "the 'request' parameter is missing")) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]),
            let claimBytes = Base64URL.decode(parts[1]),
            let header = try? JSONValue(json: Data(headerBytes)),
            let claims = try? JSONValue(json: Data(claimBytes)), claims.members != nil
        else {
            return .failure(
                Problem(message: "'request' is not a JWT (three base64url parts; an unsigned one ends with '.')"))
        }
        guard let algorithm = header["alg"]?.text else {
            return .failure(Problem(message: "the request object's header has no 'alg'"))
        }
        if algorithm == "none", !parts[2].isEmpty {
            return .failure(Problem(message: "an alg 'none' request object must have an empty signature"))
        }
        if algorithm != "none", parts[2].isEmpty {
            return .failure(Problem(message: "the request object says alg '\(algorithm)' but has no signature"))
        }
        return .success(RequestObject(algorithm: algorithm, claims: claims))
    }

    /// The consent id: `claims.id_token.openbanking_intent_id.value`, else the `userinfo` one.
    var intentID: String? {
        for member in ["id_token", "userinfo"] {
            if let value = claims["claims"]?[member]?["openbanking_intent_id"]?["value"]?.text { return value }
        }
        return nil
    }

    var scope: String? { claims["scope"]?.text }
    var nonce: String? { claims["nonce"]?.text }
    var loginHint: String? { claims["login_hint"]?.text }

    /// Why the object does not fit the query it came with, or nil.
    func problem(clientID: String, redirectURI: String, responseType: String, issuer: String, now: Date) -> String? {
        for (claim, expected) in [
            ("client_id", clientID), ("iss", clientID), ("redirect_uri", redirectURI), ("response_type", responseType),
        ] {
            if let value = claims[claim]?.text, value != expected {
                return "the request object's \(claim) '\(value)' differs from the request's '\(expected)'"
            }
        }
        let audiences = claims["aud"].map { $0.text.map { [$0] } ?? ($0.items ?? []).compactMap(\.text) } ?? []
        guard audiences.contains(issuer) else {
            return "the request object's aud must be this bank's issuer, \(issuer)"
        }
        let seconds = now.timeIntervalSince1970
        if let exp = claims["exp"].flatMap(Self.number), exp < seconds {
            return "the request object has expired (exp)"
        }
        if let nbf = claims["nbf"].flatMap(Self.number), nbf > seconds + 60 {
            return "the request object is not valid yet (nbf)"
        }
        return nil
    }

    private static func number(_ value: JSONValue) -> Double? {
        if case let .number(text) = value { return Double(text) }
        return nil
    }
}
