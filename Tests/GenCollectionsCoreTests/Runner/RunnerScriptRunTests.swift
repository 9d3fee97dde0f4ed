import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// `run-newman.sh` against a stand-in newman: exact flags, the consent phases, resuming, exit codes.
@Suite struct RunnerScriptRunTests {
    let common = ["--ssl-client-cert-list", "ssl-client-cert-list.json", "--insecure"]

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
                ] + common + ["--reporters", "cli", "--env-var", "authCode=abc"],
            ])
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
        #expect(first.status == RunnerScript.awaitingCodeExitStatus)
        #expect(first.stderr.contains("https://auth.local.test/authorize?request=r1&key=consentUrl"))
        let state = run.output.appendingPathComponent(".newman-state")
        #expect(FileManager.default.fileExists(atPath: state.appendingPathComponent("state").path))
        let consentURL = try String(contentsOf: state.appendingPathComponent("consent-url"), encoding: .utf8)
        #expect(consentURL == "https://auth.local.test/authorize?request=r1&key=consentUrl\n")
        let mode = try FileManager.default.attributesOfItem(atPath: state.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        let again = try run.run([])
        #expect(again.status == RunnerScript.awaitingCodeExitStatus)
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
                + ["--reporters", "cli", "--env-var", "authCode=x/y"])
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

    @Test func psuCommandGetsTheURLAndGivesTheRedirect() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        let command =
            #"printf '%s|%s\n' "$1" "$PSU_CONSENT_URL" > "$HOME/seen"; echo noise; echo 'https://app.local.test/callback?code=cmd1&state=s'"#
        let result = try run.run(["--psu-command", command])
        #expect(result.status == 0, "\(result.stderr)")
        let seen = try String(contentsOf: run.folder.appendingPathComponent("seen"), encoding: .utf8)
        let url = "https://auth.local.test/authorize?request=r1&key=consentUrl"
        #expect(seen == "\(url)|\(url)\n")
        #expect(try run.invocations().last?.arguments.suffix(2) == ["--env-var", "authCode=cmd1"])
    }

    @Test func failingPSUCommandKeepsTheState() throws {
        let run = try ScriptRun(specName: "local-bank")
        defer { run.remove() }
        #expect(try run.run(["--psu-command", "exit 3"]).status == 10)
        #expect(try run.run(["--code", "later"]).status == 0)
        #expect(try run.invocations().count == 2)
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
        #expect(calls[1].arguments.contains("accountsAuthCode=A"))
        #expect(calls[2].arguments.contains("paymentsAuthCode=B"))
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
        #expect(denied.status == 65)
        #expect(denied.stderr.contains("error=access_denied"))

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
        #expect(lines.last?.hasSuffix("--env-var token=... --env-var authCode=...") == true)
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
        #expect(list.hasPrefix(run.folder.path + "/gen-collections-certs."))
        #expect(calls.first?.listMode == "600")
        #expect(calls.first?.listContents?.contains(#""passphrase":"pa55-\"word""#) == true)
        #expect(!FileManager.default.fileExists(atPath: list), "the temporary list must be deleted")
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
        #expect(try run.invocations().last?.arguments.suffix(2) == ["--env-var", "authCode=typed1"])
    }
}
