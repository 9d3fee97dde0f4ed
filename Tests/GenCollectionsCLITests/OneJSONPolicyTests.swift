import Foundation
import GenCollectionsTestSupport
import Testing

/// Every command reads JSON one way: the same hostile environment file gets the same verdict, at the same
/// line:column and in the same words, from `lint`, `check`, `sync` and `generate --env`.
@Suite(.serialized) struct OneJSONPolicyTests {
    typealias E = EndToEndTests

    /// An environment file; `↓` marks where the problem must be reported (and is not part of the file).
    struct Case: CustomStringConvertible {
        var name: String
        var text: String
        var message: String
        var description: String { name }

        var bytes: [UInt8] {
            Array(text.replacingOccurrences(of: "↓", with: "").utf8).map { $0 == UInt8(ascii: "~") ? 0xFF : $0 }
        }

        /// `line:column` of the marker.
        var position: String {
            let before = text[..<text.firstIndex(of: "↓")!]
            let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
            return "\(lines.count):\(lines.last!.unicodeScalars.count + 1)"
        }
    }

    static let cases = [
        Case(
            name: "duplicate key", text: "{\n  \"name\": \"helper\",\n  ↓\"name\": \"again\",\n  \"values\": []\n}\n",
            message: "duplicate key 'name': newman keeps only the last value"),
        Case(
            name: "lone surrogate", text: "{\n  \"name\": \"helper ↓\\ud83d\",\n  \"values\": []\n}\n",
            message: "lone surrogate '\\ud83d' in a string"),
        // `~` stands for the byte 0xFF, which is not UTF-8.
        Case(
            name: "invalid UTF-8", text: "{\n  \"name\": \"helper ↓~\",\n  \"values\": []\n}\n",
            message: "invalid UTF-8 byte 0xFF"),
        Case(
            name: "trailing comma", text: "{\n  \"name\": \"helper\",\n  \"values\": []↓,\n}\n",
            message: "trailing comma before '}' (newman rejects it)"),
    ]

    /// A bundle generated in a fresh folder, its environment file replaced by `bytes`.
    static func bundle(with bytes: [UInt8]) throws -> (folder: URL, environment: String) {
        let folder = try E.scratch()
        let generated = try E.run(["generate", "--out", "out"], in: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        let environment = "out/monese-sandbox.postman_environment.json"
        try Data(bytes).write(to: folder.appendingPathComponent(environment))
        try Data(bytes).write(to: folder.appendingPathComponent("helper.json"))
        return (folder, environment)
    }

    @Test(arguments: cases)
    func sameVerdictEverywhere(_ hostile: Case) throws {
        let (folder, environment) = try Self.bundle(with: hostile.bytes)
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = [
            ("lint", try E.run(["lint", environment], in: folder)),
            ("check", try E.run(["check", "--out", "out"], in: folder)),
            ("sync", try E.run(["sync", "--out", "out"], in: folder)),
            ("generate --env", try E.run(["generate", "--env", "helper.json", "--out", "other"], in: folder)),
        ]
        for (command, run) in runs {
            let output = run.stdout + run.stderr
            #expect(run.status == 1, "\(command): \(output)")
            #expect(output.contains(hostile.position), "\(command) does not say \(hostile.position): \(output)")
            #expect(output.contains(hostile.message), "\(command) does not say '\(hostile.message)': \(output)")
        }
        // Nothing was rewritten: sync refused the file as it is.
        let after = try Data(contentsOf: folder.appendingPathComponent(environment))
        #expect(Array(after) == hostile.bytes)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other").path))
    }

    /// A number JavaScript reads as Infinity is valid JSON: every command accepts it and none rewrites it.
    @Test func hugeNumbersAreKeptAsWritten() throws {
        let folder = try E.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try E.run(["generate", "--out", "out"], in: folder).status == 0)
        let environment = "out/monese-sandbox.postman_environment.json"
        let url = folder.appendingPathComponent(environment)
        var text = try String(contentsOf: url, encoding: .utf8)
        let start = try #require(text.range(of: "\"values\" : ["))
        text.insert(
            contentsOf: "\n    {\"key\": \"limit\", \"value\": 1e400, \"type\": \"default\", \"enabled\": true},",
            at: start.upperBound)
        try text.write(to: url, atomically: true, encoding: .utf8)
        try text.write(to: folder.appendingPathComponent("helper.json"), atomically: true, encoding: .utf8)

        let lint = try E.run(["lint", "--format", "json", environment], in: folder)
        #expect(!lint.stdout.contains("json-syntax"), "\(lint.stdout)")
        #expect(try E.run(["generate", "--env", "helper.json", "--out", "other"], in: folder).status == 0)
        let check = try E.run(["check", "--out", "out"], in: folder)
        #expect(check.stdout.contains("kept variable limit"), "\(check.stdout)\(check.stderr)")
        #expect(try E.run(["sync", "--out", "out"], in: folder).status == 0)
        #expect(try String(contentsOf: url, encoding: .utf8).contains("\"value\" : 1e400"))
    }
}
