import Foundation
import GenCollectionsTestSupport
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsTLS

/// `certs` against certificates made at test time by make-test-certificates.py.
@Suite struct CertificateCheckTests {
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-certs-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("make-test-certificates.py")
        _ = Shell.run("/usr/bin/env", ["python3", script.path, folder.path])
        // Shared by every test of the suite; removed when the test process ends.
        atexit { try? FileManager.default.removeItem(at: CertificateCheckTests.folder) }
        return folder
    }()

    /// A spec whose `tls` names `certificate` (cert/key or pfx) for `hosts`, with `rs` at `rsURL`.
    static func spec(
        _ certificate: String, hosts: String = "[\"*.bank.test\"]", caBundle: String? = "ca.pem",
        rsURL: String = "https://rs.bank.test"
    ) throws -> Spec {
        let yaml = """
            gen-collections: 1
            name: test-bank
            title: Test Bank
            hosts:
              rs:
                url: \(rsURL)
            tls:
              clientCertificates:
                - name: transport
                  \(certificate)
                  hosts: \(hosts)
            \(caBundle.map { "  caBundle: \($0)" } ?? "")
            flows:
              - name: Accounts
                key: accounts
                steps:
                  - name: Get accounts
                    key: get-accounts
                    url: "{{rs}}/accounts"
                    expect:
                      status: 200
            """
        return try SpecLoader.load(yaml, file: "spec.yaml").spec
    }

    static func check(_ spec: Spec, environment: [String: String] = [:]) async -> [Diagnostic] {
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("ca.pem").path),
            "make-test-certificates.py did not run (python3 with cryptography needed)")
        var environment = environment
        environment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        return await CertificateCheck.run(spec: spec, directory: folder, environment: environment)
    }

    static func ids(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.id) }

    @Test(arguments: ["rsa-pkcs1.key", "rsa-pkcs8.key"])
    func validRSACertificatePasses(key: String) async throws {
        let diagnostics = await Self.check(try Self.spec("{cert: valid.pem, key: \(key)}".asFields))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test(arguments: ["ec-sec1.key", "ec-pkcs8.key"])
    func validECCertificatePasses(key: String) async throws {
        let diagnostics = await Self.check(try Self.spec("{cert: ec.pem, key: \(key)}".asFields))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func expiredCertificateIsAnError() async throws {
        let diagnostics = await Self.check(try Self.spec("{cert: expired.pem, key: rsa-pkcs1.key}".asFields))
        #expect(Self.ids(diagnostics) == ["certs-expired"])
        #expect(diagnostics.first?.description.hasPrefix("spec.yaml:") == true)
    }

    @Test func certificateExpiringSoonIsAWarning() async throws {
        let diagnostics = await Self.check(try Self.spec("{cert: soon.pem, key: rsa-pkcs1.key}".asFields))
        #expect(Self.ids(diagnostics) == ["certs-expires-soon"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test func keyOfAnotherCertificateIsAnError() async throws {
        let diagnostics = await Self.check(try Self.spec("{cert: valid.pem, key: ec-pkcs8.key}".asFields))
        #expect(Self.ids(diagnostics) == ["certs-key-mismatch"])
    }

    @Test func certificateOfAnotherCAIsAnError() async throws {
        let diagnostics = await Self.check(try Self.spec("{cert: by-other-ca.pem, key: rsa-pkcs1.key}".asFields))
        #expect(Self.ids(diagnostics) == ["certs-untrusted"])
        let trusted = await Self.check(
            try Self.spec(
                "{cert: by-other-ca.pem, key: rsa-pkcs1.key}".asFields,
                caBundle: "other-ca.pem"))
        #expect(trusted.isEmpty, "\(trusted)")
    }

    @Test func hostNotCoveredIsAnError() async throws {
        let diagnostics = await Self.check(
            try Self.spec(
                "{cert: valid.pem, key: rsa-pkcs1.key}".asFields,
                rsURL: "https://rs.bank.test:8443"))
        #expect(Self.ids(diagnostics) == ["certs-host-not-covered"])
        #expect(diagnostics.first?.message.contains("rs.bank.test:8443") == true)
        let covered = await Self.check(
            try Self.spec(
                "{cert: valid.pem, key: rsa-pkcs1.key}".asFields,
                hosts: "[rs]", rsURL: "https://rs.bank.test:8443"))
        #expect(covered.isEmpty, "\(covered)")
    }

    /// Newman silently ignores a pattern it cannot read, so the spec itself is refused when it is loaded.
    @Test func unreadableHostPatternIsAnError() throws {
        let error = try #require(throws: DiagnosticsError.self) {
            try Self.spec("{cert: valid.pem, key: rsa-pkcs1.key}".asFields, hosts: "[\"*.bank.test\", \"api.*.test\"]")
        }
        #expect(error.diagnostics.map(\.id) == ["tls-host-pattern-invalid"])
    }

    @Test func missingFilesAreErrors() async throws {
        let diagnostics = await Self.check(
            try Self.spec("{cert: nope.pem, key: rsa-pkcs1.key}".asFields, caBundle: "none.pem"))
        #expect(Self.ids(diagnostics) == ["certs-file-missing", "certs-file-missing"])
    }

    @Test func missingCertificateAndKeyAreBothNamed() async throws {
        let diagnostics = await Self.check(try Self.spec("{cert: nope.pem, key: nope.key}".asFields))
        #expect(Self.ids(diagnostics) == ["certs-file-missing", "certs-file-missing"])
        #expect(diagnostics.map(\.message).contains { $0.contains("'nope.key'") }, "\(diagnostics)")
    }

    @Test func encryptedKeyOpensWithItsPassphrase() async throws {
        let spec = try Self.spec("{cert: valid.pem, key: rsa-encrypted.key, passphraseEnv: TEST_PASS}".asFields)
        #expect(await Self.check(spec, environment: ["TEST_PASS": "test-pass"]).isEmpty)
        #expect(Self.ids(await Self.check(spec, environment: ["TEST_PASS": "wrong"])) == ["certs-key-passphrase"])
        let unset = await Self.check(spec)
        #expect(Self.ids(unset) == ["certs-key-unchecked"])
        #expect(unset.allSatisfy { $0.severity == .warning })
    }

    @Test func pkcs12OpensWithItsPassphrase() async throws {
        let spec = try Self.spec("{pfx: client.p12, passphraseEnv: TEST_PASS}".asFields)
        let good = await Self.check(spec, environment: ["TEST_PASS": "test-pass"])
        #expect(good.isEmpty, "\(good)")
        #expect(Self.ids(await Self.check(spec, environment: ["TEST_PASS": "wrong"])) == ["certs-unparsable"])
    }

    @Test func noTLSIsANote() async throws {
        var spec = try Self.spec("{cert: valid.pem, key: rsa-pkcs1.key}".asFields)
        spec.tls = nil
        let diagnostics = await Self.check(spec)
        #expect(diagnostics.map(\.severity) == [.note])
    }
}

private extension String {
    /// `{cert: a, key: b}` as the indented `key: value` lines of a list item, after its first line.
    var asFields: String {
        dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: "\n      ")
    }
}
