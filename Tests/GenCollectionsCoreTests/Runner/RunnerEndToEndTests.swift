import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The generated runner with the real `newman` against a local HTTPS server that requires a client
/// certificate. Skipped (reported as such by Swift Testing) when no newman is found (see `Newman`).
@Suite struct RunnerEndToEndTests {
    static let newman = Newman.path

    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func realNewmanSendsTheClientCertificate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out")
        let certs = output.appendingPathComponent("certs")
        try FileManager.default.createDirectory(at: certs, withIntermediateDirectories: true)
        let makeCertificates = PackagePaths.root.appendingPathComponent(
            "Tests/GenCollectionsTLSTests/make-test-certificates.py")
        #expect(
            try ScriptRun.execute("/usr/bin/env", ["python3", makeCertificates.path, certs.path], in: folder).status
                == 0)

        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = [
            "python3", RunnerTestSupport.folder.appendingPathComponent("mtls-server.py").path, certs.path,
        ]
        let portPipe = Pipe()
        server.standardOutput = portPipe
        try server.run()
        defer { server.terminate() }
        let portLine = String(decoding: portPipe.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)))

        let spec = try SpecLoader.load(Self.specText(port: port), file: "e2e.yaml").spec
        var artifacts = try CertificateSettings.artifacts(for: spec)
        artifacts += try RunnerScript.artifacts(
            for: spec, collectionFile: "e2e.postman_collection.json", environmentFile: "e2e.postman_environment.json")
        artifacts.append(Artifact(path: "e2e.postman_collection.json", text: Self.collection))
        artifacts.append(Artifact(path: "e2e.postman_environment.json", text: Self.environment(port: port)))
        try ArtifactWriter.write(artifacts, to: output)

        let run = try ScriptRun.execute(
            "/usr/bin/timeout", ["120", output.appendingPathComponent("run-newman.sh").path],
            in: folder, environment: Self.runEnvironment)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("client certificate accepted"))

        // Without the certificate list entry for this port, the server refuses the handshake.
        try ArtifactWriter.write(Data("[]\n".utf8), to: output.appendingPathComponent("ssl-client-cert-list.json"))
        let refused = try ScriptRun.execute(
            "/usr/bin/timeout", ["120", output.appendingPathComponent("run-newman.sh").path],
            in: folder, environment: Self.runEnvironment)
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
    }

    /// The runner finds the real newman through NEWMAN.
    static var runEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.merging(["NEWMAN": newman ?? "newman"]) { _, new in new }
    }

    static func specText(port: Int) -> String {
        """
        gen-collections: 1
        name: e2e
        title: End to end
        hosts:
          api:
            url: https://localhost:\(port)
        tls:
          clientCertificates:
            - name: client
              cert: certs/valid.pem
              key: certs/rsa-pkcs1.key
              hosts: [api]
          caBundle: certs/ca.pem
        flows:
          - name: Ping
            key: ping
            steps:
              - name: Ping
                key: ping
                url: "{{api}}/ping"
                expect:
                  status: 200
        """
    }

    static let collection = """
        {"info": {"name": "e2e", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
         "item": [{"name": "Ping", "item": [{"name": "Ping",
           "request": {"method": "GET", "url": {"raw": "{{api}}/ping", "host": ["{{api}}"], "path": ["ping"]}},
           "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [
             "pm.test('client certificate accepted', function () {",
             "  pm.response.to.have.status(200);",
             "  pm.expect(pm.response.json().client).to.eql('client');",
             "});"]}}]}]}]}

        """

    static func environment(port: Int) -> String {
        #"{"name": "e2e", "values": [{"key": "api", "value": "https://localhost:\#(port)", "enabled": true}]}"#
    }
}
