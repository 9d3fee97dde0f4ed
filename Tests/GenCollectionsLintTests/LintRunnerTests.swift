import Foundation
import GenCollectionsBase
import Testing
@testable import GenCollectionsLint

/// The runner on real directories: configuration and ignore patterns, missing inputs, symbolic links, empty
/// runs, baselines, certificate lists per bundle, and results in walk order.
struct LintRunnerTests {
    /// A fresh directory with `files` (relative path → contents).
    static func directory(_ files: [String: String]) throws -> URL {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent(
            "lint-runner-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static let info =
        #""info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}"#
    static let insecure = #"{\#(info), "item": [{"name": "R", "request": "http://a.example.com/x"}]}"#

    @Test func ignorePatternsWorkForAbsolutePaths() throws {
        let root = try Self.directory([
            ".gen-collections.yml": "lint:\n  ignore: [\"vendor/**\"]\n",
            "vendor/v.postman_collection.json": Self.insecure, "mine/m.postman_collection.json": Self.insecure,
        ])
        let outcome = LintRunner.run(.init(paths: [root.path]))
        #expect(outcome.result.files == [root.path + "/mine/m.postman_collection.json"], "\(outcome.result.files)")
    }

    @Test func aMissingEnvironmentFileIsReportedAndTheRestIsStillLinted() throws {
        let root = try Self.directory(["c.postman_collection.json": Self.insecure])
        let outcome = LintRunner.run(.init(paths: [root.path], environmentPaths: [root.path + "/missing.json"]))
        #expect(outcome.hasUnreadableInput)
        #expect(outcome.result.files.count == 1)
        #expect(outcome.result.diagnostics.contains { $0.id == "lint-unreadable" })
        #expect(outcome.result.diagnostics.contains { $0.id == "insecure-http" })
    }

    @Test func aDirectoryGivenAsASymbolicLinkIsWalked() throws {
        let root = try Self.directory(["real/c.postman_collection.json": Self.insecure])
        let link = root.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: root.path + "/real")
        let outcome = LintRunner.run(.init(paths: [link]))
        #expect(outcome.result.files == [link + "/c.postman_collection.json"])
    }

    @Test func lintingNoFileFails() throws {
        let root = try Self.directory(["notes.txt": "hello"])
        let outcome = LintRunner.run(.init(paths: [root.path]))
        #expect(outcome.hasUnreadableInput)
        #expect(outcome.result.diagnostics.map(\.id) == ["lint-no-files"])
    }

    @Test func baselineHidesKnownFindingsOnly() throws {
        let root = try Self.directory(["c.postman_collection.json": Self.insecure])
        let baseline = root.path + "/lint-baseline.json"
        let written = LintRunner.run(.init(paths: [root.path], writeBaselinePath: baseline))
        #expect((written.wroteBaseline?.entries ?? 0) >= 2)
        let text = try String(contentsOfFile: baseline, encoding: .utf8)
        #expect(text.contains("\"file\" : \"c.postman_collection.json\""), "\(text)")
        // Reformatted and with a new request above: the old findings stay known, the new one is reported.
        let changed = """
            {
              \(Self.info),
              "item": [
                {"name": "New", "request": "http://new.example.com/x"},
                {"name": "R", "request": "http://a.example.com/x"}
              ]
            }
            """
        try changed.write(toFile: root.path + "/c.postman_collection.json", atomically: true, encoding: .utf8)
        let applied = LintRunner.run(.init(paths: [root.path], baselinePath: baseline))
        #expect(applied.baselined == written.wroteBaseline?.entries)
        #expect(
            applied.result.diagnostics.allSatisfy { $0.message.lowercased().contains("new") },
            "\(applied.result.diagnostics)")
        #expect(!applied.result.diagnostics.isEmpty)
    }

    @Test func certificateListsApplyToTheirOwnBundleOnly() throws {
        let collection = #"{\#(Self.info), "item": [{"name": "R", "request": "https://rs.bank.example:8443/x"}]}"#
        let narrow = #"[{"name": "t", "matches": ["https://*.bank.example/*"], "pfx": {"src": "c.p12"}}]"#
        let wide = #"[{"name": "t", "matches": ["https://*.bank.example:*/*"], "pfx": {"src": "c.p12"}}]"#
        let root = try Self.directory([
            "a/bank.postman_collection.json": collection, "a/ssl-client-cert-list.json": wide,
            "b/bank.postman_collection.json": collection, "b/ssl-client-cert-list.json": narrow,
        ])
        let outcome = LintRunner.run(.init(paths: [root.path]))
        let ports = outcome.result.diagnostics.filter { $0.id == "certificate-port" }.compactMap(\.location?.file)
        #expect(ports == [root.path + "/b/bank.postman_collection.json"], "\(ports)")
    }

    @Test func filesAreReportedInWalkOrderWhateverFinishesFirst() throws {
        var files: [String: String] = [:]
        for index in 0..<12 { files[String(format: "f%02d.postman_collection.json", index)] = Self.insecure }
        let root = try Self.directory(files)
        let order = OrderLog()
        _ = LintRunner.run(.init(paths: [root.path], jobs: 4)) { order.append($0.path) }
        let paths = order.paths.filter { !$0.isEmpty }
        #expect(paths == paths.sorted() && paths.count == 12)
    }
}

/// Collects streamed paths from the runner's callback.
final class OrderLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var paths: [String] = []
    func append(_ path: String) {
        lock.lock()
        paths.append(path)
        lock.unlock()
    }
}
