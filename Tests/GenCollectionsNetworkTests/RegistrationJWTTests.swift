import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
import _CryptoExtras
@testable import GenCollectionsNetwork

private let sampleClaims: [(name: String, value: JSONValue)] = [
    ("iss", .string("SoftwareId123")), ("aud", .string("0015800001ZEc3hAAD")),
    ("redirect_uris", .array([.string("https://tpp.example.com/callback")])),
    ("iat", .number("1700000000")), ("exp", .number("1700003600")),
    ("jti", .string("5b1c9c4e-7c1f-4c55-9a0e-0f6c2a1b3d4e")),
]

@Test(arguments: JWSAlgorithm.allCases)
func headerClaimsAndSignatureVerify(alg: JWSAlgorithm) throws {
    let jwt = try RegistrationJWT.make(claims: sampleClaims, key: TestKeys.signing, kid: "signing-kid-1", alg: alg)
    let segments = jwt.split(separator: ".", omittingEmptySubsequences: false)
    #expect(segments.count == 3)
    // Read back with a decoder independent of the one under test.
    let header = try #require(Base64URLForTests.json(segments[0]))
    #expect(header.count == 3)
    #expect(header["alg"] as? String == alg.rawValue)
    #expect(header["kid"] as? String == "signing-kid-1")
    #expect(header["typ"] as? String == "JWT")
    let payload = try #require(Base64URLForTests.decode(segments[1]))
    #expect(
        String(decoding: payload, as: UTF8.self) == #"{"iss":"SoftwareId123","aud":"0015800001ZEc3hAAD","#
            + #""redirect_uris":["https://tpp.example.com/callback"],"iat":1700000000,"exp":1700003600,"#
            + #""jti":"5b1c9c4e-7c1f-4c55-9a0e-0f6c2a1b3d4e"}"#)
    #expect(!segments[2].contains("="))
    #expect(RegistrationJWT.verify(jwt, with: TestKeys.signing.publicKey))

    // Checked directly with swift-crypto as well: the signature covers exactly `header.payload`.
    let signature = _RSA.Signing.RSASignature(rawRepresentation: try #require(Base64URLForTests.decode(segments[2])))
    let input = Data("\(segments[0]).\(segments[1])".utf8)
    let padding: _RSA.Signing.Padding = alg == .ps256 ? .PSS : .insecurePKCS1v1_5
    #expect(TestKeys.signing.publicKey.isValidSignature(signature, for: input, padding: padding))
    #expect(signature.rawRepresentation.count == 256)
}

@Test func tamperedTokensDoNotVerify() throws {
    let jwt = try RegistrationJWT.make(claims: sampleClaims, key: TestKeys.signing, kid: "k")
    let parts = jwt.split(separator: ".").map(String.init)
    let otherPayload = Base64URLForTests.encode(#"{"iss":"SomeoneElse"}"#)
    #expect(
        !RegistrationJWT.verify(
            [parts[0], otherPayload, parts[2]].joined(separator: "."), with: TestKeys.signing.publicKey))
    let otherKey = try _RSA.Signing.PrivateKey(keySize: .bits2048)
    #expect(!RegistrationJWT.verify(jwt, with: otherKey.publicKey))
    // A PS256 signature does not pass as RS256.
    let relabelled = Base64URLForTests.encode(#"{"alg":"RS256","kid":"k","typ":"JWT"}"#)
    #expect(
        !RegistrationJWT.verify(
            [relabelled, parts[1], parts[2]].joined(separator: "."), with: TestKeys.signing.publicKey))
}

@Test func pssIsRandomizedAndPKCS1IsDeterministic() throws {
    let first = try RegistrationJWT.make(claims: sampleClaims, key: TestKeys.signing, kid: "k", alg: .ps256)
    let second = try RegistrationJWT.make(claims: sampleClaims, key: TestKeys.signing, kid: "k", alg: .ps256)
    #expect(first != second)
    let third = try RegistrationJWT.make(claims: sampleClaims, key: TestKeys.signing, kid: "k", alg: .rs256)
    let fourth = try RegistrationJWT.make(claims: sampleClaims, key: TestKeys.signing, kid: "k", alg: .rs256)
    #expect(third == fourth)
}

/// The independent check: Python's `cryptography` verifies what swift-crypto signed, with the JWS parameters
/// (PSS: MGF1-SHA256 and a 32-byte salt; PKCS#1 v1.5 with SHA-256).
@Test(
    .enabled(if: ToolRunner.pythonCryptography != nil, "python3 with the 'cryptography' package is not installed"),
    arguments: JWSAlgorithm.allCases)
func pythonCryptographyVerifiesTheSignature(alg: JWSAlgorithm) throws {
    let python = try #require(ToolRunner.pythonCryptography)
    let folder = try TestKeys.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let publicKey = folder.appendingPathComponent("public.pem")
    try TestKeys.signing.publicKey.pemRepresentation.write(to: publicKey, atomically: true, encoding: .utf8)
    let script = """
        import base64, sys
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import padding
        key = serialization.load_pem_public_key(open(sys.argv[1], 'rb').read())
        header, payload, signature = sys.argv[2].split('.')
        unb64 = lambda s: base64.urlsafe_b64decode(s + '=' * (-len(s) % 4))
        pad = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32) if sys.argv[3] == 'PS256' else padding.PKCS1v15()
        key.verify(unb64(signature), (header + '.' + payload).encode(), pad, hashes.SHA256())
        print('verified')
        """
    let jwt = try RegistrationJWT.make(claims: sampleClaims, key: TestKeys.signing, kid: "k", alg: alg)
    let good = try ToolRunner.run(python, ["-c", script, publicKey.path, jwt, alg.rawValue])
    #expect(good.status == 0, "python said: \(good.output)")
    #expect(good.output.contains("verified"))
    // The verifier must also be able to fail: a changed payload is refused.
    let parts = jwt.split(separator: ".").map(String.init)
    let forged = [parts[0], Base64URLForTests.encode(#"{"iss":"x"}"#), parts[2]].joined(separator: ".")
    let bad = try ToolRunner.run(python, ["-c", script, publicKey.path, forged, alg.rawValue])
    #expect(bad.status != 0)
}

@Test func signingKeysLoadFromPKCS1AndPKCS8() throws {
    let pkcs1 = TestKeys.signing.pemRepresentation
    let pkcs8 = TestKeys.signing.pkcs8PEMRepresentation
    #expect(pkcs1.hasPrefix("-----BEGIN RSA PRIVATE KEY-----"))
    #expect(pkcs8.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    for pem in [pkcs1, pkcs8] {
        let key = try SigningKey.parse(pem: pem, file: "key.pem")
        #expect(key.publicKey.derRepresentation == TestKeys.signing.publicKey.derRepresentation)
    }
}

@Test(arguments: [
    (
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----",
        "the signing key is encrypted"
    ),
    ("-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----", "is an EC key"),
    ("hello", "is not a PEM private key"),
    ("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "is not an RSA private key"),
])
func badSigningKeysAreExplained(pem: String, expected: String) {
    #expect {
        _ = try SigningKey.parse(pem: pem, file: "key.pem")
    } throws: { error in
        let failure = error as? NetworkError
        return failure?.kind == .invalidInput && failure?.description.contains(expected) == true
            && failure?.description.hasPrefix("key.pem: error:") == true
    }
}

@Test func smallKeysAreRefusedWithTheirSize() throws {
    let small = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
    #expect {
        _ = try SigningKey.parse(pem: small.pemRepresentation, file: "small.pem")
    } throws: { error in
        "\(error)".contains("has 1024 bits; at least 2048 are required")
    }
    #expect(throws: NetworkError.self) { _ = try SigningKey.load(file: "/nonexistent/key.pem") }
}
