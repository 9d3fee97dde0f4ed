import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The consent step of a PS256 bank under the real Newman 6.2.1: it skips its own request (the authorisation
/// server would refuse the object unsigned) and exports what the runner signs. Skipped when newman is absent.
@Suite struct SignedRequestObjectNewmanTests {
    @Test(.enabled(if: Newman.path != nil, Comment(rawValue: Newman.skipReason)))
    func newmanSkipsTheCheckAndExportsTheSigningInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-signed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(
            contentsOf: Golden.fixtures.appendingPathComponent("Generate/signed-request-object/spec.yaml"),
            encoding: .utf8)
        let spec = try SpecLoader.load(text, file: "spec.yaml").spec
        // Had the request not been skipped, it would go to {{consentUrl}}, which the script unsets: newman would
        // report an error (ENOTFOUND) and a failed status test, and exit 1.
        try ArtifactWriter.write(try Generator.artifacts(for: spec), to: folder)
        let exported = folder.appendingPathComponent("exported.json")
        let run = Shell.run(
            try #require(Newman.path),
            [
                "run", "signed-request-object.postman_collection.json",
                "--environment", "signed-request-object.postman_environment.json", "--folder", "PSU consent",
                "--env-var", "clientId=client-1", "--env-var", "consentId=urn-consent-9",
                "--env-var", "signingKid=kid-1", "--env-var", "psuUser=mits",
                "--export-environment", exported.path, "--reporters", "cli",
            ], directory: folder)
        #expect(run.status == 0, "\(run.output)\(run.error)")
        let environment = try JSONSerialization.jsonObject(with: Data(contentsOf: exported)) as? [String: Any]
        let values = (environment?["values"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            $0[$1["key"] as? String ?? ""] = $1["value"] as? String
        }
        let signingInput = try #require(values["consentUrlSigningInput"])
        #expect(signingInput.split(separator: ".").count == 2)
        #expect(
            values["consentUrlWithoutRequest"]?.hasPrefix(
                "https://auth.signing-bank.example/authorize?client_id=client-1") == true)
        #expect(values["consentUrl"] == nil || values["consentUrl"] == "")
    }

    /// The runner signs what the step exported (RSASSA-PSS, SHA-256, salt 32) with the spec's key, its passphrase
    /// from SIGNING_KEY_PASSPHRASE, and prints a consent URL whose request object verifies with the public key.
    @Test(
        .enabled(
            if: Newman.path != nil && Shell.succeeds("python3", ["-c", "import cryptography"]),
            Comment(rawValue: Newman.skipReason + " (and python3 with cryptography)")))
    func theRunnerSignsTheRequestObject() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-signing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(
            contentsOf: Golden.fixtures.appendingPathComponent("Generate/signed-request-object/spec.yaml"),
            encoding: .utf8)
        try ArtifactWriter.write(
            try Generator.artifacts(for: try SpecLoader.load(text, file: "spec.yaml").spec), to: folder)
        let makeKey = """
            import sys
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import rsa
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            open("keys/request-signing.key", "wb").write(key.private_bytes(serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8, serialization.BestAvailableEncryption(b"s3cret pass")))
            open("keys/public.pem", "wb").write(key.public_key().public_bytes(serialization.Encoding.PEM,
                serialization.PublicFormat.SubjectPublicKeyInfo))
            """
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("keys"), withIntermediateDirectories: true)
        #expect(Shell.run("/usr/bin/env", ["python3", "-c", makeKey], directory: folder).status == 0)
        let run = Shell.run(
            folder.appendingPathComponent("run-newman.sh").path,
            [
                "--folder", "PSU consent", "--env-var", "clientId=client-1", "--env-var", "consentId=urn-consent-9",
                "--env-var", "signingKid=kid-1", "--env-var", "psuUser=mits",
            ],
            environment: ["NEWMAN": try #require(Newman.path), "SIGNING_KEY_PASSPHRASE": "s3cret pass"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(!(run.output + run.error).contains("s3cret"))
        let url = try #require(
            run.error.split(separator: "\n").first { $0.hasPrefix("https://auth.signing-bank.example/authorize?") })
        let verify = """
            import base64, json, sys, urllib.parse
            from cryptography.hazmat.primitives import hashes, serialization
            from cryptography.hazmat.primitives.asymmetric import padding
            query = urllib.parse.parse_qs(urllib.parse.urlsplit(sys.argv[1]).query)
            header, payload, signature = query["request"][0].split(".")
            decode = lambda part: base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
            key = serialization.load_pem_public_key(open("keys/public.pem", "rb").read())
            key.verify(decode(signature), (header + "." + payload).encode(),
                       padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32), hashes.SHA256())
            claims = json.loads(decode(payload))
            print(json.loads(decode(header))["alg"], claims["claims"]["id_token"]["openbanking_intent_id"]["value"])
            """
        let verified = Shell.run("/usr/bin/env", ["python3", "-c", verify, String(url)], directory: folder)
        #expect(verified.status == 0, "\(verified.error)")
        #expect(verified.output == "PS256 urn-consent-9\n")
    }
}
