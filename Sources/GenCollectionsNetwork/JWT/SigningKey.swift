import Foundation
import GenCollectionsBase
import _CryptoExtras

/// Loads the TPP's RSA signing key from PEM: PKCS#1 (`RSA PRIVATE KEY`) or PKCS#8 (`PRIVATE KEY`).
public enum SigningKey {
    /// Reads and parses the key file.
    /// - Throws: `NetworkError` naming the file and saying what to do.
    public static func load(file: String) throws -> _RSA.Signing.PrivateKey {
        guard let data = try? InputFile.read(file) else {
            throw NetworkError(
                .unreadableInput, id: "key-unreadable", "cannot read the signing key", file: file,
                hint: "check the path given to --signing-key and its permissions")
        }
        return try parse(pem: String(decoding: data, as: UTF8.self), file: file)
    }

    /// Parses PEM text; `file` is only used in messages.
    public static func parse(pem: String, file: String) throws -> _RSA.Signing.PrivateKey {
        func invalid(_ message: String, _ hint: String) -> NetworkError {
            NetworkError(.invalidInput, id: "key-invalid", message, file: file, hint: hint)
        }
        if pem.contains("ENCRYPTED") {
            throw invalid(
                "the signing key is encrypted",
                "decrypt it first: openssl pkey -in KEY -out key-plain.pem (keep it user-only)")
        }
        if pem.contains("BEGIN EC PRIVATE KEY") {
            throw invalid("the signing key is an EC key; PS256 and RS256 need an RSA key", "give the RSA signing key")
        }
        guard pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN PRIVATE KEY") else {
            throw invalid(
                "the signing key is not a PEM private key",
                "expected '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----'")
        }
        do {
            return try _RSA.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            if let small = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) {
                throw invalid(
                    "the signing key has \(small.keySizeInBits) bits; at least 2048 are required",
                    "make a 2048-bit or larger key")
            }
            throw invalid(
                "the signing key is not an RSA private key", "give the RSA key whose public half is in your JWKS")
        }
    }
}
