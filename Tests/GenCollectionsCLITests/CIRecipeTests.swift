import Foundation
import GenCollectionsTestSupport
import Testing
import Yams

/// The CI recipes in docs/ci work as written: each job's shell commands run in order, as the CI would run them,
/// against the built binary (first on PATH) in a folder holding a copy of the committed bundle. Not run: the job
/// named `gen-collections`, which builds the binary, GitHub steps named "Install …" and GitLab's `before_script`
/// (they install tools); the jobs that run Newman against the mock are skipped with the reason when Newman
/// is missing.
@Suite(.serialized) struct CIRecipeTests {
    static let folder = PackagePaths.root.appendingPathComponent("docs/ci")
    static let newmanReason = Comment(rawValue: Newman.skipReason)
    static let canRunNewman = Newman.path != nil

    /// A job's shell blocks, in order.
    typealias Jobs = [String: [String]]

    static func load(_ file: String) throws -> [String: Any] {
        let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any], "\(file) is not a mapping")
    }

    static func github() throws -> Jobs {
        let jobs = try #require(try load("github-actions.yml")["jobs"] as? [String: [String: Any]])
        return jobs.mapValues { job in
            (job["steps"] as? [[String: Any]] ?? []).compactMap { step in
                (step["name"] as? String)?.hasPrefix("Install") == true ? nil : step["run"] as? String
            }
        }
    }

    static func gitlab() throws -> Jobs {
        let jobs = try load("gitlab-ci.yml").compactMapValues { $0 as? [String: Any] }.filter {
            $0.value["script"] != nil
        }
        return jobs.mapValues { job in
            (job["script"] as? [String] ?? []) + (job["after_script"] as? [String] ?? [])
        }
    }

    /// Runs `blocks` one after another in a fresh folder with a copy of output/; returns the folder.
    static func run(_ blocks: [String], job: String) throws -> URL {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gc-ci-recipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PackagePaths.root.appendingPathComponent("output"), to: work.appendingPathComponent("output"))
        let path =
            PackagePaths.binary.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var environment = ["PATH": path, "BUNDLE": "output", "MOCK_PORT": String(try freePort())]
        if let newman = Newman.path { environment["NEWMAN"] = newman }
        defer { stopMock(in: work) }
        for block in blocks {
            let result = Shell.run(
                "/bin/bash", ["-c", Self.closingInheritedFiles, "step", block], directory: work,
                environment: environment)
            try #require(
                result.status == 0, "\(job): exit \(result.status) from\n\(block)\n\(result.output)\(result.error)")
        }
        return work
    }

    /// Runs `$1` as a CI step (`bash -eo pipefail`) after closing every file above standard error: Foundation's
    /// Process hands the child a socket it watches for the child's exit, and a mock started in the background would
    /// keep it open, so `waitUntilExit` would wait for the mock.
    static let closingInheritedFiles = #"""
        for fd in /proc/$$/fd/*; do fd=${fd##*/}; if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi; done 2>/dev/null
        exec bash -eo pipefail -c "$1"
        """#

    /// A mock left running by a failed run is stopped (the recipes stop it themselves).
    static func stopMock(in work: URL) {
        guard let text = try? String(contentsOf: work.appendingPathComponent("mock.pid"), encoding: .utf8),
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return }
        kill(pid, SIGTERM)
    }

    static func freePort() throws -> UInt16 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socket, generic, length) == 0 && getsockname(socket, generic, &length) == 0
            }
        }
        try #require(bound, "cannot bind a free port")
        return UInt16(bigEndian: address.sin_port)
    }

    @Test func theRecipesHaveTheirJobs() throws {
        #expect(try Self.github().keys.sorted() == ["drift", "gen-collections", "lint", "newman-against-mock"])
        #expect(try Self.gitlab().keys.sorted() == ["gen-collections", "postman:lint", "postman:newman"])
        // The SARIF goes to code scanning even when lint fails, with the permission it needs.
        let lint = try #require((try Self.load("github-actions.yml")["jobs"] as? [String: [String: Any]])?["lint"])
        let upload = (lint["steps"] as? [[String: Any]])?.first {
            ($0["uses"] as? String)?.hasPrefix("github/codeql-action/upload-sarif") == true
        }
        #expect(upload?["if"] as? String == "always()")
        #expect((lint["permissions"] as? [String: String])?["security-events"] == "write")
    }

    @Test func githubLintAndDriftJobsPassOnTheCommittedBundle() throws {
        let jobs = try Self.github()
        let lint = try Self.run(try #require(jobs["lint"]), job: "lint")
        defer { try? FileManager.default.removeItem(at: lint) }
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: lint.appendingPathComponent("lint.sarif")))
        #expect((sarif as? [String: Any])?["version"] as? String == "2.1.0")
        let drift = try Self.run(try #require(jobs["drift"]), job: "drift")
        try? FileManager.default.removeItem(at: drift)
    }

    @Test func gitlabLintJobPassesOnTheCommittedBundle() throws {
        let work = try Self.run(try #require(try Self.gitlab()["postman:lint"]), job: "postman:lint")
        defer { try? FileManager.default.removeItem(at: work) }
        let junit = try String(contentsOf: work.appendingPathComponent("lint-junit.xml"), encoding: .utf8)
        #expect(junit.contains("<testsuites"))
    }

    @Test(.enabled(if: canRunNewman, newmanReason), arguments: ["github", "gitlab"])
    func theRunnerAgainstTheMockWritesJUnit(recipe: String) throws {
        let blocks = try #require(
            recipe == "github" ? try Self.github()["newman-against-mock"] : try Self.gitlab()["postman:newman"])
        let work = try Self.run(blocks, job: recipe)
        defer { try? FileManager.default.removeItem(at: work) }
        let reports = try FileManager.default.contentsOfDirectory(
            atPath: work.appendingPathComponent("mock-bundle").path
        )
        .filter { $0.hasPrefix("newman") && $0.hasSuffix(".xml") }
        #expect(reports.count >= 2, "one JUnit report per consent phase: \(reports)")
    }
}
