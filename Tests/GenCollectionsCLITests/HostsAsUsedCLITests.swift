import Foundation
import GenCollectionsTestSupport
import Testing

/// `generate --env`, `certs` and `lint` through the built binary when the helper file moves the bank's hosts: the
/// certificate list follows them, a stale list is reported, a move to plain http is refused, and secrets stay
/// private.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: PackagePaths.binary.path), "build the binary first"))
struct HostsAsUsedCLITests {
    static let spec = PackagePaths.root.appendingPathComponent("specs/monese-sandbox.yaml").path

    static func run(_ arguments: [String], in directory: URL) -> (status: Int32, output: String) {
        let run = Shell.run(PackagePaths.binary.path, arguments, directory: directory)
        return (run.status, run.output + run.error)
    }

    /// A helper file as `fetch-env` saves it (mode 0600), with `values`.
    static func helperFile(_ values: [String: String], in folder: URL) throws -> String {
        let entries = values.keys.sorted().map { #"{"key": "\#($0)", "value": "\#(values[$0]!)", "enabled": true}"# }
        let path = folder.appendingPathComponent("helper.postman_environment.json").path
        try Data(#"{"name": "helper", "values": [\#(entries.joined(separator: ", "))]}"#.utf8).write(
            to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    static let local = [
        "rs": "https://127.0.0.1:8443", "tokenEndpoint": "https://127.0.0.1:8443/token",
        "authEndpoint": "https://127.0.0.1:8443/auth", "registrationEndpoint": "https://127.0.0.1:8443/register",
        "clientId": "client-1", "basicToken": "Y2xpZW50LTE6c2VjcmV0", "redirectUrl": "https://tpp.example/cb",
    ]

    static func read(_ folder: URL, _ file: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
    }

    static func mode(_ folder: URL, _ file: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)
        return (attributes[.posixPermissions] as? Int ?? 0) & 0o777
    }

    @Test func theCertificateListFollowsTheHelperHostsAndCertsAndLintAgree() throws {
        let folder = try CertsCLITests.outputFolder(key: "rsa-pkcs1.key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let helper = try Self.helperFile(Self.local, in: folder)
        let generated = Self.run(["generate", "--spec", Self.spec, "--env", helper, "--out", folder.path], in: folder)
        #expect(generated.status == 0, "\(generated.output)")
        #expect(generated.output.contains("warning: the helper file moves host 'rs' from the domain 'monese.com'"))

        let list = try Self.read(folder, "ssl-client-cert-list.json")
        #expect(list.contains(#""matches" : ["#) && list.contains(#""https://127.0.0.1:8443/*""#), "\(list)")
        #expect(!list.contains("monese.com"))
        #expect(try Self.read(folder, "CERTIFICATES.md").contains("| `127.0.0.1` | 8443 |"))
        #expect(try Self.mode(folder, "monese-sandbox.postman_environment.json") == 0o600)

        let certs = Self.run(["certs", "--spec", Self.spec, "--dir", folder.path], in: folder)
        #expect(certs.status == 0, "\(certs.output)")
        #expect(certs.output == "certs: 1 client certificate checked, no problem found\n")

        // The README's lint command on the bundle: the 0600 environment holds basicToken, as it must.
        let environment = folder.appendingPathComponent("monese-sandbox.postman_environment.json").path
        let lint = Self.run(["lint", folder.path, "--env", environment], in: folder)
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func aHostMovedAfterGenerateIsReportedByCertsAndLint() throws {
        let folder = try CertsCLITests.outputFolder(key: "rsa-pkcs1.key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let helper = try Self.helperFile(Self.local, in: folder)
        #expect(
            Self.run(["generate", "--spec", Self.spec, "--env", helper, "--out", folder.path], in: folder).status == 0)
        let file = folder.appendingPathComponent("monese-sandbox.postman_environment.json")
        let moved = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "\"https://127.0.0.1:8443\"", with: "\"https://127.0.0.1:9443\"")
        try Data(moved.utf8).write(to: file)

        let certs = Self.run(["certs", "--spec", Self.spec, "--dir", folder.path], in: folder)
        #expect(certs.status == 1)
        #expect(certs.output.contains("host 'rs' is 'https://127.0.0.1:9443', and no entry of the certificate list"))
        #expect(certs.output.contains("[certs-list-not-covered]"))

        let lint = Self.run(["lint", folder.path, "--env", file.path], in: folder)
        #expect(lint.status == 1)
        #expect(lint.output.contains("'{{rs}}' is 'https://127.0.0.1:9443' in the environment"), "\(lint.output)")
        #expect(lint.output.contains("[certificate-host]"))
    }

    @Test func aHelperFileMovingAHostToPlainHTTPIsRefused() throws {
        let folder = try CertsCLITests.outputFolder(key: "rsa-pkcs1.key")
        defer { try? FileManager.default.removeItem(at: folder) }
        var values = Self.local
        values["rs"] = "http://rs1.ob.monese.com"
        let helper = try Self.helperFile(values, in: folder)
        let out = folder.appendingPathComponent("out")
        let generated = Self.run(["generate", "--spec", Self.spec, "--env", helper, "--out", out.path], in: folder)
        #expect(generated.status == 1)
        #expect(
            generated.output.contains(
                "error: the helper file sets host 'rs' to plain http 'http://rs1.ob.monese.com'; "
                    + "the spec says 'https://rs1.ob.monese.com' [env-host-insecure]"), "\(generated.output)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing is written")
    }

    /// `gen-collections.bundle.json` names the spec and helper file relative to the folder; `check`, `sync` and
    /// `certs` on that folder use them without --spec or --env.
    @Test func laterCommandsUseTheSpecAndHelperFileThatMadeTheBundle() throws {
        let folder = try CertsCLITests.outputFolder(key: "rsa-pkcs1.key")
        defer { try? FileManager.default.removeItem(at: folder) }
        let specCopy = folder.appendingPathComponent("bank.yaml")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.spec), to: specCopy)
        let helper = try Self.helperFile(Self.local, in: folder)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("certs"), to: out.appendingPathComponent("certs"))
        let generated = Self.run(["generate", "--spec", "bank.yaml", "--env", helper, "--out", "out"], in: folder)
        #expect(generated.status == 0, "\(generated.output)")
        #expect(
            try Self.read(out, "gen-collections.bundle.json")
                == "{\n  \"spec\": \"../bank.yaml\",\n  \"env\": \"../helper.postman_environment.json\"\n}\n")

        let check = Self.run(["check", "--out", "out"], in: folder)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.contains("no drift"))
        #expect(Self.run(["sync", "--out", "out", "--dry-run"], in: folder).status == 0)
        let certs = Self.run(["certs", "--dir", "out"], in: folder)
        #expect(certs.status == 0, "\(certs.output)")
        // An explicit flag wins: the default bank made no such bundle.
        #expect(Self.run(["check", "--bank", "monese-sandbox", "--out", "out"], in: folder).status == 1)
    }
}
