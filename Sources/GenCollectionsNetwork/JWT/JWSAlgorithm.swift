import Crypto
import _CryptoExtras

/// The RSA signature algorithms a registration JWT may use (RFC 7518 §3.3 and §3.5).
public enum JWSAlgorithm: String, Sendable, CaseIterable {
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256 and a 32-byte salt: what FAPI and Open Banking UK require.
    case ps256 = "PS256"
    /// RSASSA-PKCS1-v1_5 with SHA-256, for servers that do not take PSS.
    case rs256 = "RS256"

    /// The swift-crypto padding that implements this algorithm; the PSS salt is the digest length, as JWS asks.
    var padding: _RSA.Signing.Padding {
        switch self {
        case .ps256: return .PSS
        case .rs256: return .insecurePKCS1v1_5
        }
    }

    /// Signs `input` (the ASCII `header.payload`) with `key`.
    func sign(_ input: String, with key: _RSA.Signing.PrivateKey) throws -> [UInt8] {
        let signature = try key.signature(for: SHA256.hash(data: Array(input.utf8)), padding: padding)
        return Array(signature.rawRepresentation)
    }

    /// Whether `signature` over `input` verifies with `key`.
    func verify(_ signature: [UInt8], over input: String, with key: _RSA.Signing.PublicKey) -> Bool {
        key.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature),
            for: SHA256.hash(data: Array(input.utf8)), padding: padding)
    }
}
