import Foundation
import GenCollectionsTestSupport
import Testing

/// The `mock` command's start-up: what it prints, the PKI it writes or keeps, and its exit codes.
@Suite(.serialized, .enabled(if: PackagePaths.binaryIsBuilt, "build the binary first: swift build"))
struct MockCommandTests {
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-mock-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func startUpWritesThePKIOnceAndNeverPrintsTheSecret() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try await blocking {
            try MockProcess(
                ["--certs", "certs", "--env-out", "env.json", "--pid-file", "mock.pid"], in: folder)
        }
        let pid = try String(contentsOf: folder.appendingPathComponent("mock.pid"), encoding: .utf8)
        #expect(pid.trimmingCharacters(in: .whitespacesAndNewlines) == String(first.process.processIdentifier))
        #expect(first.printed.contains("test PKI: wrote"))
        #expect(first.printed.contains("transport.pem"))
        let environment = try String(contentsOf: folder.appendingPathComponent("env.json"), encoding: .utf8)
        let attributes = try FileManager.default.attributesOfItem(
            atPath: folder.appendingPathComponent("env.json").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try await blocking { first.stop() } == 0)
        #expect(first.printed.contains("mock: stopping"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("mock.pid").path))
        let json = try JSONSerialization.jsonObject(with: Data(environment.utf8)) as? [String: Any]
        let values = json?["values"] as? [[String: Any]] ?? []
        let basic = try #require(values.first { $0["key"] as? String == "basicToken" }?["value"] as? String)
        let secret = String(decoding: Data(base64Encoded: basic) ?? Data(), as: UTF8.self).split(separator: ":").last
        #expect(!first.printed.contains(basic))
        #expect(!first.printed.contains(String(try #require(secret))))

        let certificate = try Data(contentsOf: folder.appendingPathComponent("certs/transport.pem"))
        let second = try await blocking { try MockProcess(["--certs", "certs"], in: folder) }
        #expect(second.printed.contains("test PKI: using"))
        #expect(!second.printed.contains("test PKI: wrote"))
        #expect(try await blocking { second.stop() } == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("certs/transport.pem")) == certificate)
    }

    @Test func exitCodes() async throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let binary = PackagePaths.binary.path
        let usage = try await blocking { Shell.run(binary, ["mock", "--port", "70000"]) }
        #expect(usage.status == 64)
        let noSpec = try await blocking {
            Shell.run(binary, ["mock", "--spec", folder.appendingPathComponent("missing.yaml").path])
        }
        #expect(noSpec.status == 66)
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let unwritable = try await blocking {
            Shell.run(
                binary, ["mock", "--port", "0", "--certs", blocker.appendingPathComponent("certs").path])
        }
        #expect(unwritable.status == 73, "\(unwritable.error)")
        #expect(unwritable.error.contains("[mock-certificates]"))

        let running = try await blocking { try MockProcess(["--certs", "certs"], in: folder) }
        let (port, certs) = (running.port, folder.appendingPathComponent("certs").path)
        let taken = try await blocking { Shell.run(binary, ["mock", "--port", String(port), "--certs", certs]) }
        #expect(taken.status == 69, "\(taken.error)")
        #expect(taken.error.contains("[mock-bind]"))
        #expect(try await blocking { running.stop() } == 0)
    }
}
