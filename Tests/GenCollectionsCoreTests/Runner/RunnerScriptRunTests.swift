import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// `run-newman.sh` against a stand-in newman: exact flags, the consent phases, resuming, exit codes.
@Suite struct RunnerScriptRunTests {
    let common = ["--ssl-client-cert-list", "ssl-client-cert-list.json", "--insecure"]

    /// The value of `key` in the environment file newman was given: the PSU's code travels there, never on
    /// newman's command line (which other users can read in /proc).
    static func value(_ key: String, givenTo call: ScriptRun.Invocation?) -> String? {
        guard let text = call?.environmentContents,
            let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        else { return nil }
        let values = json["values"] as? [[String: Any]] ?? []
        return values.first { $0["key"] as? String == key }?["value"] as? String
    }

    @Test func consentSplitsTheRunAndTheCodeFlagFinishesIt() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let result = try run.run(["--code", "abc"])
        #expect(result.status == 0, "\(result.stderr)")
        let calls = try run.invocations()
        #expect(
            calls.map(\.arguments) == [
                [
                    "run", "c.postman_collection.json", "--environment", "e.postman_environment.json",
                    "--folder", "Create consent", "--folder", "PSU consent",
                ] + common
                    + ["--reporters", "cli", "--export-environment", ".newman-state/environment.next.json"],
                [
                    "run", "c.postman_collection.json", "--environment", ".newman-state/environment.json",
                    "--folder", "Get accounts",
                ] + common + ["--reporters", "cli"],
            ])
        #expect(Self.value("authCode", givenTo: calls.last) == "abc")
        #expect(calls.allSatisfy { $0.directory == run.output.path })
        #expect(result.stderr.contains("https://auth.local.test/authorize?request=r1&key=consentUrl"))
        #expect(result.stderr.contains("WARNING: server certificate verification is OFF"))
        #expect(!FileManager.default.fileExists(atPath: run.output.appendingPathComponent(".newman-state").path))
    }

    @Test func optionsBecomeExactNewmanFlags() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let result = try run.run([
            "--folder", "Get accounts", "--bail", "--junit", "reports/run.xml",
            "--env-var", "clientId=x=y", "--env-var", "b=2",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try run.invocations().map(\.arguments) == [
                [
                    "run", "c.postman_collection.json", "--environment", "e.postman_environment.json",
                    "--folder", "Get accounts",
                ] + common
                    + [
                        "--reporters", "cli,junit", "--reporter-junit-export", "reports/run.xml", "--bail", "failure",
                        "--env-var", "clientId=x=y", "--env-var", "b=2",
                    ]
            ])
    }

    @Test func junitReportGetsAPhaseNumberWhenThereArePhases() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        _ = try run.run(["--junit", "run.xml", "--code", "c"])
        let reports = try run.invocations().map {
            $0.arguments[$0.arguments.firstIndex(of: "--reporter-junit-export")! + 1]
        }
        #expect(reports == ["run-1.xml", "run-2.xml"])
    }

    @Test func withoutTerminalOrCodeTheRunIsSavedAndResumed() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let first = try run.run([])
        #expect(first.status == RunnerScript.ExitStatus.awaitingCode)
        #expect(first.stderr.contains("https://auth.local.test/authorize?request=r1&key=consentUrl"))
        let state = run.output.appendingPathComponent(".newman-state")
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("state").path))
        let consentURL = try String(contentsOf: state.appendingPathComponent("consent-url"), encoding: .utf8)
        #expect(consentURL == "https://auth.local.test/authorize?request=r1&key=consentUrl\n")
        let mode = try FileManager.default.attributesOfItem(atPath: state.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        let again = try run.run([])
        #expect(again.status == RunnerScript.ExitStatus.awaitingCode)
        #expect(try run.invocations().count == 1, "waiting again must not create a new consent")

        let resumed = try run.run(
            [], environment: ["PSU_REDIRECT_URL": "https://app.local.test/callback#code=x%2Fy&state=s"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let calls = try run.invocations()
        #expect(calls.count == 2)
        #expect(
            calls.last?.arguments == [
                "run", "c.postman_collection.json", "--environment",
                ".newman-state/environment.json", "--folder", "Get accounts",
            ] + common
                + ["--reporters", "cli"])
        #expect(Self.value("authCode", givenTo: calls.last) == "x/y")
        #expect(!FileManager.default.fileExists(atPath: state.path))
    }

    @Test func resumingWithOtherFoldersIsRefused() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        #expect(try run.run([]).status == 10)
        let refused = try run.run(["--folder", "Get accounts", "--code", "c"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--fresh"))
        #expect(try run.run(["--fresh", "--code", "c"]).status == 0)
        #expect(try run.invocations().count == 3)
    }

    /// The contract of docs/certificates-and-runner.md: the URL on standard input, as $1 and in PSU_CONSENT_URL;
    /// the last line printed is the code or the redirect URL.
    @Test func psuCommandGetsTheURLAndGivesTheRedirect() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let command =
            #"read -r line; printf '%s|%s|%s\n' "$line" "$1" "$PSU_CONSENT_URL" > "$HOME/seen"; echo noise; echo 'https://app.local.test/callback?code=cmd1&state=s'"#
        let result = try run.run(["--psu-command", command])
        #expect(result.status == 0, "\(result.stderr)")
        let seen = try String(contentsOf: run.folder.appendingPathComponent("seen"), encoding: .utf8)
        let url = "https://auth.local.test/authorize?request=r1&key=consentUrl"
        #expect(seen == "\(url)|\(url)|\(url)\n")
        #expect(Self.value("authCode", givenTo: try run.invocations().last) == "cmd1")
    }

    /// A program that reads the URL from standard input works as written, without "$1".
    @Test func psuCommandCanBeAProgramReadingStandardInput() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let program = run.folder.appendingPathComponent("psu.py")
        try Data(
            """
            import sys
            url = sys.stdin.readline().strip()
            print("https://app.local.test/callback?code=" + url.split("request=")[1].split("&")[0])
            """.utf8
        ).write(to: program)
        let result = try run.run(["--psu-command", "python3 \(program.path)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.value("authCode", givenTo: try run.invocations().last) == "r1")
    }

    @Test func failingPSUCommandKeepsTheState() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let failed = try run.run(["--psu-command", "exit 3"])
        #expect(failed.status == RunnerScript.ExitStatus.psuCommandFailed)
        #expect(failed.stderr.contains("the PSU command failed (status 3)"))
        #expect(try run.run(["--psu-command", "true"]).status == RunnerScript.ExitStatus.psuCommandFailed)
        #expect(try run.run(["--code", "later"]).status == 0)
        #expect(try run.invocations().count == 2)
    }

    /// A bank that approves at the consent step (headless) saves the code in the exported environment; the run
    /// goes on with it and asks the PSU nothing.
    @Test func aHeadlessApprovalNeedsNoPSU() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let result = try run.run([], environment: ["FAKE_EXPORT": #"{"key":"authCode","value":"h1"}"#])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("without a login page (headless)"))
        #expect(!result.stderr.contains("open this URL"))
        let calls = try run.invocations()
        #expect(calls.count == 2)
        #expect(Self.value("authCode", givenTo: calls.last) == "h1")
    }

    /// The consent step saved the bank's OAuth error: exit 12, with the bank's words.
    @Test func aBankRefusalIsNotWaiting() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let result = try run.run(
            [],
            environment: [
                "FAKE_NEWMAN_EXIT": "1",
                "FAKE_EXPORT": #"{"key":"consentUrlError","value":"invalid_request: unknown consent"}"#,
            ])
        #expect(result.status == RunnerScript.ExitStatus.bankRefused)
        #expect(
            result.stderr.contains(
                "the bank refused the consent request of 'PSU consent': invalid_request: unknown consent"))
        #expect(!FileManager.default.fileExists(atPath: run.output.appendingPathComponent(".newman-state").path))
    }

    @Test func twoConsentsNeedTwoCodes() throws {
        let run = try ScriptRun(specName: "monese-sandbox")
        defer { run.remove() }
        let keys = ["FAKE_CONSENT_KEYS": "accountsConsentUrl,paymentsConsentUrl"]
        let first = try run.run(["--code", "A"], environment: keys)
        #expect(first.status == 10, "\(first.stderr)")
        let second = try run.run(["--code", "B"], environment: keys)
        #expect(second.status == 0, "\(second.stderr)")
        let calls = try run.invocations()
        #expect(calls.count == 3)
        #expect(Self.value("accountsAuthCode", givenTo: calls[1]) == "A")
        #expect(Self.value("paymentsAuthCode", givenTo: calls[2]) == "B")
        #expect(!calls.contains { $0.arguments.contains("Register client") }, "onboarding runs only when asked")
        #expect(calls[2].arguments.contains("PSU consent (payments)") == false)
        #expect(calls[0].arguments.contains("--ssl-extra-ca-certs"))
        #expect(!calls[0].arguments.contains("--insecure"))
    }

    @Test func exitCodes() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        #expect(try run.run(["--code", "c"], environment: ["FAKE_NEWMAN_EXIT": "1"]).status == 1)
        #expect(!FileManager.default.fileExists(atPath: run.output.appendingPathComponent(".newman-state").path))
        #expect(try run.run(["--folder", "Nope"]).status == 64)
        #expect(try run.run(["--bogus"]).status == 64)
        #expect(try run.run(["--junit"]).status == 64)
        let denied = try run.run(["--code", "https://app.local.test/callback?error=access_denied&state=s"])
        #expect(denied.status == RunnerScript.ExitStatus.psuRefused)
        #expect(denied.stderr.contains("error=access_denied"))
        let refused = try run.run([
            "--code", "https://app.local.test/callback#error=invalid_request&error_description=bad%20scope",
        ])
        #expect(refused.status == RunnerScript.ExitStatus.bankRefused)
        #expect(refused.stderr.contains("error=invalid_request (bad scope)"))
        #expect(try run.run(["--code", "https://app.local.test/callback?state=s"]).status == 65)

        let missing = try ScriptRun(specName: "local-bank", withNewman: false)
        defer { missing.remove() }
        let noNewman = try missing.run([])
        #expect(noNewman.status == 127)
        #expect(noNewman.stderr.contains("npm install -g newman"))
    }

    @Test func dryRunPrintsCommandsAndHidesValues() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let result = try run.run(["--dry-run", "--env-var", "token=s3cret"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try run.invocations().isEmpty)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(
            lines.first?.hasPrefix("newman run c.postman_collection.json --environment e.postman_environment.json")
                == true)
        #expect(lines.last?.hasSuffix("--env-var token=...") == true)
        #expect(!(result.stdout + result.stderr).contains("s3cret"))
    }

    @Test func passphraseGoesToAPrivateTemporaryList() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let result = try run.run(["--code", "c"], environment: ["CLIENT_P12_PASSPHRASE": "pa55-\"word"])
        #expect(result.status == 0, "\(result.stderr)")
        let calls = try run.invocations()
        let list = try #require(
            calls.first.flatMap { $0.arguments[$0.arguments.firstIndex(of: "--ssl-client-cert-list")! + 1] })
        // Newman reads the list with the passphrase from a pipe: no file holds it, not even for a moment.
        #expect(list == "/dev/stdin")
        #expect(calls.first?.listContents?.contains(#""passphrase":"pa55-\"word""#) == true)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: run.folder.path).filter { path in
            (try? String(contentsOfFile: run.folder.appendingPathComponent(path).path, encoding: .utf8))?
                .contains("pa55") == true
        }
        #expect(leftovers == ["newman.log"], "only the stand-in newman's own log may hold it")
        #expect(!(result.stdout + result.stderr).contains("pa55"))
        let withoutVariable = try run.run(["--code", "c"])
        #expect(withoutVariable.stderr.contains("CLIENT_P12_PASSPHRASE is not set"))
    }

    @Test(.enabled(if: Shell.which("script") != nil, "'script' (util-linux) is not on PATH"))
    func promptsForTheCodeOnATerminal() throws {
        let script = try #require(Shell.which("script"))
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let runner = run.output.appendingPathComponent("run-newman.sh").path
        let command = "printf 'https://app.local.test/callback?code=typed1\\n' | \(script) -qefc \(runner) /dev/null"
        let result = try ScriptRun.execute(
            "/usr/bin/timeout", ["60", "/bin/bash", "-c", command], in: run.folder,
            environment: [
                "PATH": "\(run.bin.path):/usr/bin:/bin",
                "FAKE_NEWMAN_LOG": run.log.path, "TMPDIR": run.folder.path,
            ])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Authorisation code or redirect URL:"))
        #expect(Self.value("authCode", givenTo: try run.invocations().last) == "typed1")
    }
}
