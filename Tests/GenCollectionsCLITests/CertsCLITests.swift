import Foundation
import GenCollectionsTestSupport
import Testing

/// `gen-collections certs` through the built binary: output lines and exit codes.
@Suite struct CertsCLITests {
    static let root = PackagePaths.root
    static let binary = PackagePaths.binary

    /// Runs the binary; returns status and standard output + error.
    static func certs(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String) {
        let run = Shell.run(binary.path, ["certs"] + arguments, directory: directory)
        return (run.status, run.output + run.error)
    }

    /// An output folder with the default spec's certificate files made at test time.
    static func outputFolder(key: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-certs-cli-\(UUID().uuidString)")
        let made = folder.appendingPathComponent("made")
        let script = root.appendingPathComponent("Tests/GenCollectionsTLSTests/make-test-certificates.py")
        _ = Shell.run("/usr/bin/env", ["python3", script.path, made.path])
        let certs = folder.appendingPathComponent("certs")
        try FileManager.default.createDirectory(at: certs, withIntermediateDirectories: true)
        for (source, target) in [
            ("valid.pem", "transport.pem"), (key, "transport.key"), ("ca.pem", "ob-sandbox-ca.pem"),
        ] {
            try FileManager.default.copyItem(
                at: made.appendingPathComponent(source), to: certs.appendingPathComponent(target))
        }
        return folder
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path), "build the binary first"))
    func goodSetupExits0() throws {
        let folder = try Self.outputFolder(key: "rsa-pkcs1.key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = Self.root.appendingPathComponent("specs/monese-sandbox.yaml").path
        let result = try Self.certs(["--spec", spec, "--dir", folder.path], in: folder)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "certs: 1 client certificate checked, no problem found\n")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path), "build the binary first"))
    func wrongKeyExits1WithOneLine() throws {
        let folder = try Self.outputFolder(key: "ec-pkcs8.key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Self.certs(
            ["--spec", Self.root.appendingPathComponent("specs/monese-sandbox.yaml").path], in: folder)
        #expect(result.status == 1)
        let errors = result.output.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasSuffix("[certs-key-mismatch]") == true)
        #expect(result.output.hasSuffix("certs: 1 problem found\n"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: binary.path), "build the binary first"))
    func unreadableSpecExits66() throws {
        let result = try Self.certs(["--spec", "/nonexistent/spec.yaml"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 66)
        #expect(
            result.output
                == "/nonexistent/spec.yaml: error: cannot read the spec: no such file or folder (ENOENT) [input-unreadable]\n"
        )
    }
}
