import Foundation
import GenCollectionsBase
import GenCollectionsCore
import _CryptoExtras

/// Builds and checks the compact JWS a TPP sends to a bank's Dynamic Client Registration endpoint.
///
/// The header is `{"alg", "kid", "typ": "JWT"}`; the key is never embedded (`x5c`/`x5u` are not allowed by OB DCR).
/// Claims are written in the order given, compact, so the same claims always give the same payload.
public enum RegistrationJWT {
    /// A compact JWS split into its decoded parts.
    public struct Parts: Sendable {
        /// The protected header, as a JSON object.
        public var header: JSONValue
        /// The claims, as a JSON object.
        public var claims: JSONValue
        /// `base64url(header).base64url(payload)`: the bytes the signature covers.
        public var signingInput: String
        public var signature: [UInt8]
    }

    /// Why a compact JWS cannot be read.
    public struct MalformedError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Signs `claims` with `key` and returns the compact JWS `header.payload.signature`.
    /// - Parameters:
    ///   - claims: the claims, in the order they are written.
    ///   - key: the TPP's RSA signing key (the one whose public half is in the SSA's JWKS).
    ///   - kid: the key id the bank looks the public key up by.
    ///   - alg: PS256 (default) or RS256.
    public static func make(
        claims: [(name: String, value: JSONValue)], key: _RSA.Signing.PrivateKey, kid: String,
        alg: JWSAlgorithm = .ps256
    ) throws -> String {
        let header = JSONValue.object([("alg", .string(alg.rawValue)), ("kid", .string(kid)), ("typ", .string("JWT"))])
        let payload = JSONValue.object(claims.map { (key: $0.name, value: $0.value) })
        let input =
            Base64URL.encode(Data(header.rendered(indent: nil).utf8)) + "."
            + Base64URL.encode(Data(payload.rendered(indent: nil).utf8))
        return input + "." + Base64URL.encode(try alg.sign(input, with: key))
    }

    /// Splits and decodes a compact JWS without checking its signature.
    public static func parts(of jwt: String) throws -> Parts {
        let segments = jwt.trimmingCharacters(in: .whitespacesAndNewlines).split(
            separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3 else {
            throw MalformedError(description: "a compact JWS has 3 dot-separated parts, this has \(segments.count)")
        }
        func object(_ segment: Substring, _ what: String) throws -> JSONValue {
            guard let bytes = Base64URL.decode(segment), let value = JSONValue.parse(bytes), value.members != nil else {
                throw MalformedError(description: "the \(what) is not a base64url-encoded JSON object")
            }
            return value
        }
        guard let signature = Base64URL.decode(segments[2]) else {
            throw MalformedError(description: "the signature is not base64url")
        }
        return Parts(
            header: try object(segments[0], "header"), claims: try object(segments[1], "payload"),
            signingInput: "\(segments[0]).\(segments[1])", signature: Array(signature))
    }

    /// Whether the signature of `jwt` verifies with `publicKey` under the algorithm its header names.
    public static func verify(_ jwt: String, with publicKey: _RSA.Signing.PublicKey) -> Bool {
        guard let parts = try? parts(of: jwt), let name = parts.header["alg"]?.text,
            let alg = JWSAlgorithm(rawValue: name)
        else { return false }
        return alg.verify(parts.signature, over: parts.signingInput, with: publicKey)
    }
}
