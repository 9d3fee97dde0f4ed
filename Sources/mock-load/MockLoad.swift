import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The load client of `benchmarks/mock-load.sh`: N concurrent mutual-TLS clients, each repeating the pair
/// "client-credentials token + GET accounts" against `gen-collections mock`, for a bounded time and count.
/// Prints one line: pairs/s, requests/s, p50/p99 latency of a pair, errors.
@main
struct MockLoad {
    struct Options {
        var origin = ""
        var ca = ""
        var cert = ""
        var key = ""
        var environment = ""
        var clients = 1
        var seconds = 10.0
        var maxPairs = 200_000
    }

    static func main() async throws {
        var options = Options()
        var arguments = CommandLine.arguments.dropFirst().makeIterator()
        while let flag = arguments.next() {
            guard let value = arguments.next() else { fail("\(flag) needs a value") }
            switch flag {
            case "--origin": options.origin = value
            case "--ca": options.ca = value
            case "--cert": options.cert = value
            case "--key": options.key = value
            case "--env": options.environment = value
            case "--clients": options.clients = Int(value) ?? 1
            case "--seconds": options.seconds = Double(value) ?? 10
            case "--max-pairs": options.maxPairs = Int(value) ?? 200_000
            default: fail("unknown option \(flag)")
            }
        }
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .file(options.ca)
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(options.cert).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: options.key, format: .pem))
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls, redirectConfiguration: .disallow)
        configuration.connectionPool = .init(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: options.clients)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            try await run(options, client: client)
        } catch {
            try? await client.shutdown()
            fail("\(error)")
        }
        try await client.shutdown()
    }

    static func run(_ options: Options, client: HTTPClient) async throws {
        let values = try environment(options.environment)
        let basic = values["basicToken"] ?? ""
        let financialID = values["obParticipantId"] ?? ""
        let session = Session(client: client, origin: options.origin, basic: basic, financialID: financialID)
        let psuToken = try await session.accountsToken(
            redirect: values["redirectUrl"] ?? "", clientID: values["clientId"] ?? "")

        let deadline = Date().addingTimeInterval(options.seconds)
        let perClient = max(1, options.maxPairs / options.clients)
        let started = Date()
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<options.clients {
                group.addTask {
                    var latencies: [Double] = []
                    var errors = 0
                    while Date() < deadline, latencies.count + errors < perClient {
                        let begin = Date()
                        let ok = await session.pair(psuToken: psuToken)
                        if ok { latencies.append(Date().timeIntervalSince(begin) * 1000) } else { errors += 1 }
                    }
                    return (latencies, errors)
                }
            }
            return try await group.reduce(into: ([Double](), 0)) {
                $0.0 += $1.0; $0.1 += $1.1
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        let sorted = results.0.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        }
        let pairs = Double(sorted.count)
        print(
            String(
                format: "clients=%d pairs=%d pairs/s=%.0f requests/s=%.0f p50=%.1fms p99=%.1fms errors=%d seconds=%.1f",
                options.clients, sorted.count, pairs / elapsed, 2 * pairs / elapsed, percentile(0.5), percentile(0.99),
                results.1, elapsed))
    }

    static func environment(_ path: String) throws -> [String: String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return (json?["values"] as? [[String: Any]] ?? []).reduce(into: [:]) {
            $0[$1["key"] as? String ?? ""] = $1["value"] as? String
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("mock-load: \(message)\n".utf8))
        exit(64)
    }
}

/// The requests of the flow, on one shared client (its pool holds one connection per concurrent worker).
struct Session: Sendable {
    let client: HTTPClient
    let origin: String
    let basic: String
    let financialID: String

    func send(
        _ method: HTTPMethod, _ path: String, headers: [(String, String)], body: String? = nil
    ) async throws
        -> (status: UInt, headers: HTTPHeaders, body: [String: Any])
    {
        var request = HTTPClientRequest(url: path.hasPrefix("https://") ? path : origin + path)
        request.method = method
        request.headers = HTTPHeaders(headers)
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
        return (response.status.code, response.headers, json)
    }

    func clientToken(_ scope: String) async throws -> String {
        let reply = try await send(
            .POST, "/token",
            headers: [("Authorization", "Basic \(basic)"), ("Content-Type", "application/x-www-form-urlencoded")],
            body: "grant_type=client_credentials&scope=\(scope)%20openid")
        return reply.body["access_token"] as? String ?? ""
    }

    /// Consent, headless approval and code exchange, once: the token every worker's GET accounts uses.
    func accountsToken(redirect: String, clientID: String) async throws -> String {
        let consent = try await send(
            .POST, "/open-banking/v3.1/aisp/account-access-consents",
            headers: [
                ("Authorization", "Bearer \(try await clientToken("accounts"))"),
                ("x-fapi-financial-id", financialID), ("Content-Type", "application/json"),
            ],
            body: #"{"Data":{"Permissions":["ReadAccountsBasic","ReadAccountsDetail","ReadBalances"]},"Risk":{}}"#)
        let consentID = (consent.body["Data"] as? [String: Any])?["ConsentId"] as? String ?? ""
        func b64(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        let claims =
            #"{"aud":"\#(origin)","client_id":"\#(clientID)","redirect_uri":"\#(redirect)","#
            + #""claims":{"id_token":{"openbanking_intent_id":{"value":"\#(consentID)"}}}}"#
        var query = URLComponents()
        query.queryItems = [
            .init(name: "client_id", value: clientID), .init(name: "response_type", value: "code"),
            .init(name: "scope", value: "openid accounts"), .init(name: "redirect_uri", value: redirect),
            .init(name: "request", value: b64(#"{"alg":"none"}"#) + "." + b64(claims) + "."),
        ]
        let approval = try await send(.GET, "/auth" + (query.string ?? ""), headers: [])
        let location = approval.headers.first(name: "Location") ?? ""
        let code = URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value ?? ""
        let token = try await send(
            .POST, "/token",
            headers: [("Authorization", "Basic \(basic)"), ("Content-Type", "application/x-www-form-urlencoded")],
            body: "grant_type=authorization_code&code=\(code)&redirect_uri=\(redirect)")
        guard let access = token.body["access_token"] as? String else {
            MockLoad.fail("could not get an accounts token (consent \(consentID), approval \(approval.status))")
        }
        return access
    }

    /// One pair: a client-credentials token, then GET accounts with the PSU's token; true when both are 200.
    func pair(psuToken: String) async -> Bool {
        do {
            let token = try await clientToken("accounts")
            let accounts = try await send(
                .GET, "/open-banking/v3.1/aisp/accounts",
                headers: [("Authorization", "Bearer \(psuToken)"), ("x-fapi-financial-id", financialID)])
            return !token.isEmpty && accounts.status == 200
        } catch {
            return false
        }
    }
}
