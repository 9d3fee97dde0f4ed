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
}
