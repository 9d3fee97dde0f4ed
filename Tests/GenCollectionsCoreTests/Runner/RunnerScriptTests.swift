import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

@Suite struct RunnerScriptTests {
    static func artifacts(_ specName: String, includeUnsupported: Bool = false) throws -> [Artifact] {
        try RunnerScript.artifacts(
            for: try RunnerTestSupport.spec(specName),
            collectionFile: "\(specName).postman_collection.json",
            environmentFile: "\(specName).postman_environment.json", includeUnsupported: includeUnsupported)
    }

    static func plan(_ specName: String, includeUnsupported: Bool = false) throws -> [String: Any] {
        let plan = try #require(try artifacts(specName, includeUnsupported: includeUnsupported).last)
        #expect(plan.path == RunnerScript.planFileName)
        return try #require(try JSONSerialization.jsonObject(with: plan.contents) as? [String: Any])
    }

    /// The script is one static file for every bundle: no spec text can reach bash.
    @Test func theScriptIsTheSameForEveryBank() throws {
        let scripts = try ["monese-sandbox", "local-bank", "signed-request-object"].map {
            try #require(try Self.artifacts($0).first)
        }
        #expect(scripts.allSatisfy { $0.path == "run-newman.sh" && $0.executable })
        #expect(Set(scripts.map(\.contents)).count == 1)
        let template = try Data(contentsOf: PackagePaths.root.appendingPathComponent("templates/run-newman.sh"))
        #expect(scripts[0].contents == template)
    }

    @Test(.enabled(if: Shell.which("shellcheck") != nil, "shellcheck is not on PATH"))
    func scriptIsCleanUnderShellcheck() throws {
        let shellcheck = try #require(Shell.which("shellcheck"))
        let script = PackagePaths.root.appendingPathComponent("templates/run-newman.sh")
        let result = try ScriptRun.execute(
            shellcheck, ["--shell=bash", "--severity=style", script.path], in: PackagePaths.root)
        #expect(result.status == 0, "shellcheck:\n\(result.stdout)\(result.stderr)")
    }

    @Test(.enabled(if: Shell.which("node") != nil, "node is not on PATH"))
    func theScriptsJavaScriptParses() throws {
        let script = try String(
            contentsOf: PackagePaths.root.appendingPathComponent("templates/run-newman.sh"), encoding: .utf8)
        let helper = try #require(
            script.components(separatedBy: "<<'JS' || true\n").last?.components(
                separatedBy: "\nJS\n"
            ).first)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-helper-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try ArtifactWriter.write([Artifact(path: "helper.js", text: helper)], to: folder)[0]
        let check = try ScriptRun.execute(try #require(Shell.which("node")), ["--check", file.path], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func thePlanListsRequestsConsentsAndOnboarding() throws {
        let plan = try Self.plan("monese-sandbox")
        #expect(plan["format"] as? Int == 1)
        #expect(plan["certificateList"] as? String == "ssl-client-cert-list.json")
        let requests = try #require(plan["requests"] as? [[String: Any]])
        #expect(requests.first?["folder"] as? String == "Registration")
        #expect(requests.first?["once"] as? Bool == true)
        let consents = requests.compactMap { $0["consent"] as? [String: Any] }
        #expect(consents.map { $0["urlVariable"] as? String } == ["accountsConsentUrl", "paymentsConsentUrl"])
        #expect(consents.map { $0["codeVariable"] as? String } == ["accountsAuthCode", "paymentsAuthCode"])
    }

    @Test func aSignedRequestObjectNamesItsKey() throws {
        let requests = try #require(try Self.plan("signed-request-object")["requests"] as? [[String: Any]])
        let consent = try #require(requests.compactMap { $0["consent"] as? [String: Any] }.first)
        let signing = try #require(consent["signing"] as? [String: Any])
        #expect(signing["algorithm"] as? String == "PS256")
        #expect(signing["key"] as? String != nil)
    }

    @Test func unsupportedStepsAreLeftOutUnlessAsked() throws {
        func names(_ plan: [String: Any]) -> [String] {
            (plan["requests"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(!names(try Self.plan("local-bank")).contains("Get beta"))
        #expect(names(try Self.plan("local-bank", includeUnsupported: true)).contains("Get beta"))
    }
}
