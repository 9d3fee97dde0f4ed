import Foundation
import GenCollectionsBase
import GenCollectionsCore
import NIOCore

@testable import GenCollectionsMock

/// A mock server on 127.0.0.1, a free port, with a fresh test PKI in a temporary folder; and a second PKI whose
/// client certificate chains to another CA.
struct TestServer {
    let server: MockServer
    let files: TestPKI.Files
    let strangerFiles: TestPKI.Files
    let folder: URL

    var port: Int { server.port }
    var bank: MockBank { server.bank! }
    var certificate: (cert: String, key: String) { (files.clientCertificate, files.clientKey) }
    var strangerCertificate: (cert: String, key: String) { (strangerFiles.clientCertificate, strangerFiles.clientKey) }

    static func start(limits: ServerLimits = ServerLimits(), log: RequestLog? = nil) async throws -> TestServer {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-mock-\(UUID().uuidString)")
        let spec = try DefaultSpec.load()
        let files = TestPKI.files(in: folder.appendingPathComponent("certs").path, spec: spec)
        _ = try TestPKI.prepare(files)
        let stranger = TestPKI.files(in: folder.appendingPathComponent("stranger").path, spec: spec)
        _ = try TestPKI.prepare(stranger)
        let server = try await MockServer.start(
            host: "127.0.0.1", port: 0,
            tls: .init(certificate: files.serverCertificate, key: files.serverKey, clientCA: files.caCertificate),
            limits: limits, log: log, threads: 2
        ) { port in
            MockBank(
                spec: spec,
                configuration: MockConfiguration(
                    origin: "https://127.0.0.1:\(port)", financialID: MockConfiguration.financialID(in: spec)))
        }
        return TestServer(server: server, files: files, strangerFiles: stranger, folder: folder)
    }

    /// Short timeouts, so that a stall test takes a second or two (other tests keep the normal ones: on a loaded
    /// machine a handshake can pause longer than a second).
    static var quickLimits: ServerLimits {
        var limits = ServerLimits()
        limits.idleTimeout = .seconds(1)
        limits.requestTimeout = .seconds(2)
        return limits
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The timeout only ends a stalled exchange (every test expects the server to answer or close first), so it
    /// is long: on a loaded machine (the whole suite in parallel) a handshake took more than 5 s once.
    func exchange(
        _ bytes: [UInt8], certificate: (cert: String, key: String)?? = nil, timeout: TimeAmount = .seconds(30)
    )
        async throws -> RawTLSClient.Outcome
    {
        try await RawTLSClient.exchange(
            port: port, ca: files.caCertificate, certificate: certificate ?? self.certificate, send: bytes,
            timeout: timeout)
    }

    /// A client-credentials token request of the test client.
    var tokenRequest: [UInt8] {
        RawTLSClient.request(
            "POST", "/token",
            headers: [
                "Authorization: Basic \(bank.testClient.basicToken)", "Content-Type: application/x-www-form-urlencoded",
            ], body: "grant_type=client_credentials&scope=accounts%20openid")
    }

    /// True when a good request still gets its 200.
    func stillServes() async throws -> Bool {
        try await exchange(tokenRequest).statusLine == "HTTP/1.1 200 OK"
    }
}
