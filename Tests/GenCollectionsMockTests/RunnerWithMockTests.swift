import Foundation
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsCore
@testable import GenCollectionsMock

/// The generated `run-newman.sh` as a user runs it, with real Newman, against `gen-collections mock`: each scenario
/// with its exit code and what it prints. Skipped where newman (or node) is missing.
@Suite(.serialized) struct RunnerWithMockTests {
    typealias Bench = MockEndToEndTests.Bench
    static let newman = Newman.path

    /// A mock and a bundle generated for it with `--env`: its certificate list covers the mock's 127.0.0.1:PORT.
    static func start(psu: String, bank: String? = nil) async throws -> Bench {
        try await Bench.start(psu: psu, bank: bank)
    }

    /// Runs the bundle's runner from another folder, as a user would.
    static func runner(
        _ bench: Bench, _ arguments: [String], environment: [String: String] = [:]
    ) async throws
        -> Shell.Result
    {
        try await blocking {
            Shell.run(
                bench.out.appendingPathComponent("run-newman.sh").path, arguments, directory: bench.folder,
                environment: environment.merging(["NEWMAN": Self.newman!]) { own, _ in own })
        }
    }

    /// A PSU as a script of the user's: reads the consent URL from standard input, logs in on the bank's page as
    /// `rora`, approves (or denies, given `deny`) and prints the redirect URL.
    static let psu = #"""
        import html, http.client, re, ssl, sys, urllib.parse
        url = sys.stdin.readline().strip()
        action = sys.argv[1] if len(sys.argv) > 1 else "approve"
        parts = urllib.parse.urlsplit(url)
        context = ssl.create_default_context(cafile="certs/ob-sandbox-ca.pem")
        def connection():
            return http.client.HTTPSConnection(parts.hostname, parts.port, context=context)
        page = connection()
        page.request("GET", parts.path + "?" + parts.query)
        text = page.getresponse().read().decode()
        fields = [(html.unescape(n), html.unescape(v))
                  for n, v in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', text)]
        fields += [("username", "rora"), ("password", "rora."), ("action", action)]
        form = connection()
        form.request("POST", parts.path, urllib.parse.urlencode(fields),
                     {"Content-Type": "application/x-www-form-urlencoded"})
        print(form.getresponse().getheader("Location") or "")
        """#

    static func writePSU(_ bench: Bench) throws {
        try Data(psu.utf8).write(to: bench.out.appendingPathComponent("psu.py"))
    }

    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func aHeadlessBankRunsBothFlowsUnattended() async throws {
        let bench = try await Self.start(psu: "headless")
        let run = try await Self.runner(bench, [])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.error.contains("phase 3 of 3"))
        #expect(
            run.error.contains(
                "the bank approved 'PSU consent (accounts)' without a login page (headless): going on with its code"))
        #expect(!run.error.contains("open this URL"))
        #expect(!run.output.contains("Register client"), "onboarding runs only with --folder")
        #expect(run.output.contains("saves domesticPaymentId"))
        #expect(try await bench.stop() == 0)
    }

    /// The second bundled bank's whole bundle (transactions, beneficiaries, standing orders, funds confirmation, …)
    /// against the mock serving that bank's spec, unattended.
    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func theOzoneModelBankRunsUnattended() async throws {
        let bench = try await Self.start(psu: "headless", bank: "ozone-model-bank")
        let run = try await Self.runner(bench, [])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.error.contains("phase 3 of 3"))
        #expect(run.output.contains("Data.FundsAvailableResult is present"))
        #expect(try await bench.stop() == 0)
    }

    @Test(.enabled(if: newman != nil && Shell.has("python3"), Comment(rawValue: Newman.skipReason)))
    func aPSUCommandLogsInOnTheBanksPage() async throws {
        let bench = try await Self.start(psu: "login")
        try Self.writePSU(bench)
        let run = try await Self.runner(bench, ["--folder", "Account information", "--psu-command", "python3 psu.py"])
        #expect(run.status == 0, "\(run.output)\(run.error)")
        #expect(run.error.contains("running the PSU command for 'PSU consent (accounts)'"))
        #expect(run.output.contains("Data.Status is \"Authorised\""))
        #expect(try await bench.stop() == 0)
    }

    @Test(.enabled(if: newman != nil && Shell.has("python3"), Comment(rawValue: Newman.skipReason)))
    func aPSUWhoDeniesExits11() async throws {
        let bench = try await Self.start(psu: "login")
        try Self.writePSU(bench)
        let run = try await Self.runner(
            bench, ["--folder", "Account information", "--psu-command", "python3 psu.py deny"])
        #expect(run.status == RunnerScript.ExitStatus.psuRefused, "\(run.output)\(run.error)")
        #expect(run.error.contains("the redirect carries error=access_denied (the PSU denied the consent)"))
        #expect(try await bench.stop() == 0)
    }

    /// Without a code the run saves itself and exits 10; the PSU's redirect, given with --code, finishes it.
    @Test(.enabled(if: newman != nil && Shell.has("python3"), Comment(rawValue: Newman.skipReason)))
    func theTwoRunPath() async throws {
        let bench = try await Self.start(psu: "login")
        try Self.writePSU(bench)
        let first = try await Self.runner(bench, ["--folder", "Account information"])
        #expect(first.status == RunnerScript.ExitStatus.awaitingCode, "\(first.output)\(first.error)")
        let consentURL = try String(
            contentsOf: bench.out.appendingPathComponent(".newman-state/consent-url"), encoding: .utf8)
        let redirect = try await blocking {
            Shell.run("/usr/bin/env", ["python3", "psu.py"], input: Data(consentURL.utf8), directory: bench.out)
        }
        #expect(redirect.output.contains("code="), "\(redirect.error)")
        let second = try await Self.runner(
            bench, [],
            environment: ["PSU_REDIRECT_URL": redirect.output.trimmingCharacters(in: .whitespacesAndNewlines)])
        #expect(second.status == 0, "\(second.output)\(second.error)")
        #expect(second.error.contains("continuing the run saved at 'PSU consent (accounts)'"))
        #expect(!FileManager.default.fileExists(atPath: bench.out.appendingPathComponent(".newman-state").path))
        #expect(try await bench.stop() == 0)
    }

    /// A code the bank does not know: the token request fails, and the bank's own reason is shown.
    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func aWrongCodeShowsTheBanksReason() async throws {
        let bench = try await Self.start(psu: "login")
        let run = try await Self.runner(bench, ["--folder", "Account information", "--code", "not-a-code"])
        #expect(run.status == RunnerScript.ExitStatus.failed, "\(run.output)\(run.error)")
        #expect(run.output.contains("the bank answered 400 (invalid_grant"), "\(run.output)")
        #expect(try await bench.stop() == 0)
    }

    /// The bank refuses the consent request itself (an unregistered redirect URI): exit 12, not "waiting".
    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func aRefusedConsentRequestExits12() async throws {
        let bench = try await Self.start(psu: "headless")
        let run = try await Self.runner(
            bench, ["--folder", "Account information", "--env-var", "redirectUrl=https://elsewhere.example/cb"])
        #expect(run.status == RunnerScript.ExitStatus.bankRefused, "\(run.output)\(run.error)")
        #expect(run.error.contains("the bank refused the consent request of 'PSU consent (accounts)': HTTP 400"))
        #expect(try await bench.stop() == 0)
    }

    /// Without the certificate list Newman sends no client certificate, and the mock refuses the API.
    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func withoutItsCertificateListTheRunFails() async throws {
        let bench = try await Self.start(psu: "headless")
        try Data("[]\n".utf8).write(to: bench.out.appendingPathComponent("ssl-client-cert-list.json"))
        let run = try await Self.runner(bench, ["--folder", "Account information", "--bail"])
        #expect(run.status == RunnerScript.ExitStatus.failed, "\(run.output)\(run.error)")
        #expect(run.output.contains("the bank answered 401"), "\(run.output)")
        #expect(try await bench.stop() == 0)
    }

    /// A CA bundle that is not the bank's: Newman cannot verify the server and the run fails.
    @Test(.enabled(if: newman != nil, Comment(rawValue: Newman.skipReason)))
    func aWrongCAFailsTheRun() async throws {
        let bench = try await Self.start(psu: "headless")
        let stranger = try bench.strangerPKI()
        let ca = bench.out.appendingPathComponent("certs/ob-sandbox-ca.pem")
        try FileManager.default.removeItem(at: ca)
        try FileManager.default.copyItem(at: stranger.appendingPathComponent("ca.pem"), to: ca)
        let run = try await Self.runner(bench, ["--folder", "Account information", "--bail"])
        #expect(run.status == RunnerScript.ExitStatus.failed, "\(run.output)\(run.error)")
        #expect(run.output.contains("certificate signature failure"), "\(run.output)")
        #expect(try await bench.stop() == 0)
    }
}
