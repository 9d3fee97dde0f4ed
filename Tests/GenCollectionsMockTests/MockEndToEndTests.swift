import Foundation
import GenCollectionsTestSupport
import NIOCore
import Testing

@testable import GenCollectionsMock

/// `gen-collections mock` + a bundle generated with `--env` from the mock + real Newman: account information
/// and payments unattended (headless), the two-run path through the login page, and refused clients.
/// Skipped where newman (or node) is missing.
@Suite(.serialized) struct MockEndToEndTests {
    static let newman = Newman.path

    /// A temporary folder with the mock running on it, and a bundle generated for it in `out/`.
    struct Bench {
        let folder: URL
        let mock: MockProcess
        var out: URL { folder.appendingPathComponent("out") }
        var ca: String { out.appendingPathComponent("certs/ob-sandbox-ca.pem").path }

        /// - Parameter bank: a bundled bank for both the mock and the bundle; the default bank when nil.
        init(psu: String, bank: String? = nil, extra: [String] = []) throws {
            let chosen = bank.map { ["--bank", $0] } ?? []
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-mock-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            mock = try MockProcess(
                [
                    "--certs", "out/certs", "--env-out", "mock.postman_environment.json", "--psu", psu,
                    "--log", "requests.jsonl",
                ] + chosen + extra, in: folder)
            let generate = Shell.run(
                PackagePaths.binary.path,
                [
                    "generate", "--env", folder.appendingPathComponent("mock.postman_environment.json").path,
                    "--out", out.path,
                ] + chosen)
            guard generate.status == 0 else { throw MockProcess.MockProcessError(output: generate.error) }
        }

        /// Runs newman on the named requests, from `out/`, off the cooperative threads.
        func newman(
            _ requests: [String], environment: String? = nil, export: String? = nil,
            variables: [String: String] = [:], certificates: Bool = true
        ) async throws -> Shell.Result {
            try await blocking {
                runNewman(
                    requests, environment: environment, export: export, variables: variables,
                    certificates: certificates)
            }
        }

        /// Runs newman on the named requests, from `out/`; `environment` defaults to the generated one.
        func runNewman(
            _ requests: [String], environment: String? = nil, export: String? = nil,
            variables: [String: String] = [:], certificates: Bool = true
        ) -> Shell.Result {
            var arguments = [
                "run", "monese-sandbox.postman_collection.json", "--environment",
                environment ?? "monese-sandbox.postman_environment.json", "--ssl-extra-ca-certs",
                "certs/ob-sandbox-ca.pem", "--reporters", "cli", "--bail", "failure",
            ]
            // The bundle's own list: built from the hosts as --env gave them, https://127.0.0.1:PORT/*.
            if certificates { arguments += ["--ssl-client-cert-list", "ssl-client-cert-list.json"] }
            for request in requests { arguments += ["--folder", request] }
            if let export { arguments += ["--export-environment", export] }
            for (key, value) in variables.sorted(by: { $0.key < $1.key }) {
                arguments += ["--env-var", "\(key)=\(value)"]
            }
            return Shell.run(MockEndToEndTests.newman!, arguments, directory: out)
        }

        /// A value of an exported environment in `out/`.
        func value(_ key: String, in file: String) throws -> String? {
            let data = try Data(contentsOf: out.appendingPathComponent(file))
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            let values = json?["values"] as? [[String: Any]] ?? []
            return values.first { $0["key"] as? String == key }?["value"] as? String
        }

        /// GET of the consent URL as a browser (no client certificate): the redirect's code in headless mode.
        func visit(_ url: String, body: [UInt8]? = nil) async throws -> RawTLSClient.Outcome {
            let target = String(url.dropFirst(mock.origin.count))
            let request =
                body.map { bytes in
                    RawTLSClient.request(
                        "POST", String(target.split(separator: "?")[0]),
                        headers: ["Content-Type: application/x-www-form-urlencoded"],
                        body: String(decoding: bytes, as: UTF8.self))
                } ?? RawTLSClient.request("GET", target)
            return try await RawTLSClient.exchange(port: mock.port, ca: ca, certificate: nil, send: request)
        }

        /// A second, unrelated PKI in `stranger/` (ca.pem, client.pem, …): a CA and a client the mock does not know.
        func strangerPKI() throws -> URL {
            let stranger = folder.appendingPathComponent("stranger")
            _ = try TestPKI.prepare(
                TestPKI.Files(
                    folder: stranger.path, caCertificate: stranger.appendingPathComponent("ca.pem").path,
                    caKey: stranger.appendingPathComponent("ca.key").path,
                    serverCertificate: stranger.appendingPathComponent("server.pem").path,
                    serverKey: stranger.appendingPathComponent("server.key").path,
                    clientCertificate: stranger.appendingPathComponent("client.pem").path,
                    clientKey: stranger.appendingPathComponent("client.key").path))
            return stranger
        }

        /// Stops the mock (SIGTERM) and removes the folder; the mock's exit status.
        func stop() async throws -> Int32 {
            let (mock, folder) = (mock, folder)
            return try await blocking {
                let status = mock.stop()
                try? FileManager.default.removeItem(at: folder)
                return status
            }
        }

        static func start(psu: String, bank: String? = nil) async throws -> Bench {
            try await blocking { try Bench(psu: psu, bank: bank) }
        }
    }

    static func code(in response: RawTLSClient.Outcome) -> String? {
        guard
            let line = response.received.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("location:")
            })
        else { return nil }
        let location = line.dropFirst("location:".count).trimmingCharacters(in: .whitespaces)
        let fragment = location.split(separator: "#", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
        return FormEncoding.decode(fragment)["code"]
    }

    static let aisStart = [
        "Client credentials token (accounts)", "Create account access consent", "PSU consent (accounts)",
    ]
    static let aisRest = [
        "Auth code token (accounts)", "Get accounts", "Get account", "Get account balances",
        "Get account access consent",
    ]
    static let pisStart = [
        "Client credentials token (payments)", "Create domestic payment consent", "Get domestic payment consent",
        "PSU consent (payments)",
    ]
    static let pisRest = ["Auth code token (payments)", "Create domestic payment", "Get domestic payment"]

    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func accountsAndPaymentsRunUnattendedInHeadlessMode() async throws {
        let bench = try await Bench.start(psu: "headless")
        let first = try await bench.newman(Self.aisStart, export: "phase1.json")
        #expect(first.status == 0, "\(first.output)")
        let accountsURL = try #require(try bench.value("accountsConsentUrl", in: "phase1.json"))
        let accountsCode = try #require(Self.code(in: try await bench.visit(accountsURL)))
        let second = try await bench.newman(
            Self.aisRest + Self.pisStart, environment: "phase1.json", export: "phase2.json",
            variables: ["accountsAuthCode": accountsCode])
        #expect(second.status == 0, "\(second.output)")
        #expect(second.output.contains("Data.Status is \"Authorised\""))
        let paymentsURL = try #require(try bench.value("paymentsConsentUrl", in: "phase2.json"))
        let paymentsCode = try #require(Self.code(in: try await bench.visit(paymentsURL)))
        let third = try await bench.newman(
            Self.pisRest, environment: "phase2.json", variables: ["paymentsAuthCode": paymentsCode])
        #expect(third.status == 0, "\(third.output)")
        #expect(third.output.contains("saves domesticPaymentId"))
        let log = try String(contentsOf: bench.folder.appendingPathComponent("requests.jsonl"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 17)
        #expect(try await bench.stop() == 0)
    }

    @Test(.enabled(if: newman != nil && Shell.has("curl"), Comment(rawValue: Newman.skipReason)))
    func theGeneratedRunnerRunsBothFlowsWithAPSUCommand() async throws {
        let bench = try await Bench.start(psu: "headless")
        let psu = #"curl -s -o /dev/null -w '%{redirect_url}' --cacert certs/ob-sandbox-ca.pem "$1""#
        let runner = bench.out.appendingPathComponent("run-newman.sh").path
        let run = try await blocking {
            Shell.run(
                runner, ["--folder", "Account information", "--folder", "Domestic payments", "--psu-command", psu],
                environment: ["NEWMAN": Self.newman!])
        }
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.error.contains("phase 3 of 3"))
        #expect(try await bench.stop() == 0)
    }

    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func theTwoRunPathThroughTheLoginPage() async throws {
        let bench = try await Bench.start(psu: "login")
        let first = try await bench.newman(Self.aisStart, export: "phase1.json")
        #expect(first.status == 0, "\(first.output)")
        let url = try #require(try bench.value("accountsConsentUrl", in: "phase1.json"))
        // The collection's consent check got the login page; the PSU now fills it in.
        let page = try await bench.visit(url)
        #expect(page.statusLine == "HTTP/1.1 200 OK")
        let fields =
            Self.hiddenFields(page.received) + [
                ("username", "rora"), ("password", "rora."), ("action", "approve"),
            ]
        let approved = try await bench.visit(url, body: Array(FormEncoding.encode(fields).utf8))
        #expect(approved.statusLine == "HTTP/1.1 302 Found")
        let code = try #require(Self.code(in: approved))
        let second = try await bench.newman(
            Self.aisRest, environment: "phase1.json", variables: ["accountsAuthCode": code])
        #expect(second.status == 0, "\(second.output)")
        #expect(try await bench.stop() == 0)
    }

    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func clientsWithoutACertificateOrFromAnotherCAAreRefused() async throws {
        let bench = try await Bench.start(psu: "headless")
        let noCertificate = try await bench.newman(["Client credentials token (accounts)"], certificates: false)
        #expect(noCertificate.status != 0)
        #expect(noCertificate.output.contains("401"))
        let stranger = try bench.strangerPKI()
        let refused = try await RawTLSClient.exchange(
            port: bench.mock.port, ca: bench.ca,
            certificate: (
                stranger.appendingPathComponent("client.pem").path,
                stranger.appendingPathComponent("client.key").path
            ),
            send: RawTLSClient.request("GET", "/.well-known/openid-configuration"))
        #expect(refused.error != nil)
        #expect(!refused.received.contains("HTTP/1.1"))
        #expect(try await bench.stop() == 0)
    }

    @Test(.enabled(if: PackagePaths.binaryIsBuilt, "build the binary first: swift build"))
    func fetchEnvDownloadsTheHelperEnvironmentFromTheMock() async throws {
        let bench = try await Bench.start(psu: "headless")
        let environment = try Data(contentsOf: bench.folder.appendingPathComponent("mock.postman_environment.json"))
        let json = try JSONSerialization.jsonObject(with: environment) as? [String: Any]
        let values = (json?["values"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            $0[$1["key"] as? String ?? ""] = $1["value"] as? String
        }
        let basic = try #require(values["basicToken"].flatMap { Data(base64Encoded: $0) })
        let secret = String(String(decoding: basic, as: UTF8.self).split(separator: ":", maxSplits: 1)[1])
        let certs = bench.out.appendingPathComponent("certs")
        let fetched = bench.folder.appendingPathComponent("fetched.json")
        let arguments =
            [
                "fetch-env", "--url",
                bench.mock.origin + "/ozone/v1.0/postman/environment", "--client-id", values["clientId"] ?? "",
                "--client-secret-env", "MOCK_SECRET", "--cert", certs.appendingPathComponent("transport.pem").path,
                "--key", certs.appendingPathComponent("transport.key").path, "--ca-bundle", bench.ca,
                "--output", fetched.path,
            ]
        let run = try await blocking {
            Shell.run(PackagePaths.binary.path, arguments, environment: ["MOCK_SECRET": secret])
        }
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(try Data(contentsOf: fetched) == environment)
        #expect(!bench.mock.printed.contains(secret))
        #expect(try await bench.stop() == 0)
    }

    /// The hidden inputs of the login form, unescaped.
    static func hiddenFields(_ html: String) -> [(String, String)] {
        let pattern = try! NSRegularExpression(pattern: #"<input type="hidden" name="([^"]*)" value="([^"]*)">"#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).map { match in
            func group(_ index: Int) -> String {
                String(html[Range(match.range(at: index), in: html)!])
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
            }
            return (group(1), group(2))
        }
    }
}
