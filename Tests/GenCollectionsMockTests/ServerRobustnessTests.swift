import Foundation
import NIOCore
import Testing

@testable import GenCollectionsMock

/// The real socket: bad and hostile clients get an answer or a closed connection, never a crash, and the next
/// good request still succeeds.
@Suite(.serialized) struct ServerRobustnessTests {
    @Test func aGoodRequestOverMutualTLS() async throws {
        let server = try await TestServer.start()
        let outcome = try await server.exchange(server.tokenRequest)
        await server.stop()
        #expect(outcome.statusLine == "HTTP/1.1 200 OK")
        #expect(outcome.received.contains("\"access_token\""))
        #expect(outcome.received.lowercased().contains("x-fapi-interaction-id:"))
    }

    @Test func aMalformedRequestLineGets400AndTheServerStaysUp() async throws {
        let server = try await TestServer.start()
        let outcome = try await server.exchange(Array("GARBAGE\u{1} / HTTP/9\r\n\r\n".utf8))
        let next = try await server.stillServes()
        await server.stop()
        #expect(outcome.statusLine.hasPrefix("HTTP/1.1 400"))
        #expect(outcome.closedByServer)
        #expect(next)
    }

    @Test func oversizedHeadersGet431() async throws {
        let server = try await TestServer.start()
        let big = "X-Padding: " + String(repeating: "a", count: 17 * 1024)
        let outcome = try await server.exchange(RawTLSClient.request("GET", "/token", headers: [big]))
        let next = try await server.stillServes()
        await server.stop()
        #expect(outcome.statusLine.hasPrefix("HTTP/1.1 431"))
        #expect(next)
    }

    @Test func anOversizedBodyGets413WithoutBeingRead() async throws {
        let server = try await TestServer.start()
        let head = "POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(2 * 1024 * 1024)\r\n\r\n"
        let outcome = try await server.exchange(Array(head.utf8) + Array(repeating: 0x61, count: 64 * 1024))
        let chunked = try await server.exchange(
            Array("POST /token HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
                + (0..<20).flatMap { _ in
                    Array("10000\r\n".utf8) + Array(repeating: 0x62, count: 0x10000) + Array("\r\n".utf8)
                })
        let next = try await server.stillServes()
        await server.stop()
        #expect(outcome.statusLine.hasPrefix("HTTP/1.1 413"))
        #expect(chunked.statusLine.hasPrefix("HTTP/1.1 413"))
        #expect(next)
    }

    @Test func halfARequestThenSilenceIsClosedAfterTheIdleTimeout() async throws {
        let server = try await TestServer.start(limits: TestServer.quickLimits)
        // The client waits up to 10 s; closedByServer means the server's idle timeout came first.
        let outcome = try await server.exchange(
            Array("POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Le".utf8), timeout: .seconds(10))
        let silent = try await server.exchange([], timeout: .seconds(10))
        let next = try await server.stillServes()
        await server.stop()
        #expect(outcome.closedByServer)
        #expect(silent.closedByServer)
        #expect(next)
    }

    @Test func aCertificateFromAnotherCAIsRefusedInTheHandshake() async throws {
        let server = try await TestServer.start()
        let outcome = try await server.exchange(server.tokenRequest, certificate: server.strangerCertificate)
        let next = try await server.stillServes()
        await server.stop()
        #expect(outcome.error != nil)
        #expect(!outcome.received.contains("HTTP/1.1"))
        #expect(next)
    }

    @Test func withoutACertificateTheAPIRefusesButDiscoveryAnswers() async throws {
        let server = try await TestServer.start()
        let token = try await server.exchange(server.tokenRequest, certificate: .some(nil))
        let discovery = try await server.exchange(
            RawTLSClient.request("GET", "/.well-known/openid-configuration"), certificate: .some(nil))
        await server.stop()
        #expect(token.statusLine.hasPrefix("HTTP/1.1 401"))
        #expect(discovery.statusLine == "HTTP/1.1 200 OK")
    }

    @Test func twoHundredConcurrentConnectionsAllGetAnswers() async throws {
        let server = try await TestServer.start()
        let request = server.tokenRequest
        let statuses = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<200 {
                group.addTask { try await server.exchange(request, timeout: .seconds(30)).statusLine }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let next = try await server.stillServes()
        await server.stop()
        #expect(statuses.count == 200)
        #expect(Set(statuses) == ["HTTP/1.1 200 OK"])
        #expect(next)
    }

    @Test func theRequestLogHasOneMaskedLinePerRequest() async throws {
        let logFile = FileManager.default.temporaryDirectory.appendingPathComponent("gc-log-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: logFile) }
        let server = try await TestServer.start(log: try RequestLog(path: logFile.path))
        _ = try await server.exchange(server.tokenRequest)
        let basic = server.bank.testClient.basicToken
        await server.stop()
        let text = try String(contentsOf: logFile, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(text.contains("\"authorization\":\"Basic ***\""))
        #expect(!text.contains(basic))
        #expect(text.contains("\"status\":200"))
        #expect(text.contains("\"client\":\"CN=gen-collections mock client"))
    }
}
