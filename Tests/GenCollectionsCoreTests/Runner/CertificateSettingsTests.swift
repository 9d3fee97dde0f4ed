import Foundation
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

@Suite struct CertificateSettingsTests {
    /// Their bytes are pinned by the bundle goldens (`output/`, `Fixtures/Generate/local-bank/expected/`).
    @Test(arguments: ["monese-sandbox", "local-bank"])
    func listAndNotesAreWritten(specName: String) throws {
        let artifacts = try CertificateSettings.artifacts(
            for: try RunnerTestSupport.spec(specName), includeUnsupported: false)
        #expect(artifacts.map(\.path) == ["ssl-client-cert-list.json", "CERTIFICATES.md"])
    }

    @Test func listUsesPathsAndPortsNewmanMatches() throws {
        let spec = try RunnerTestSupport.spec("local-bank")
        let list = try CertificateSettings.artifacts(for: spec).first { $0.path == "ssl-client-cert-list.json" }
        let data = try #require(list).contents
        let entries = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries[0]["matches"] as? [String] == ["https://localhost:8443/*", "https://auth.local.test/*"])
        #expect((entries[0]["pfx"] as? [String: String])?["src"] == "certs/client.p12")
        #expect(entries[0]["passphrase"] == nil)
        #expect(entries[0]["key"] == nil)
    }

    @Test func noTLSMeansNoArtifacts() throws {
        var spec = try RunnerTestSupport.spec("local-bank")
        spec.tls = nil
        #expect(try CertificateSettings.artifacts(for: spec).isEmpty)
    }

    @Test func notesWarnOnlyWhenVerificationIsOff() throws {
        var spec = try RunnerTestSupport.spec("local-bank")
        let notesOff = try #require(try CertificateSettings.artifacts(for: spec).last)
        #expect(String(decoding: notesOff.contents, as: UTF8.self).contains("verification off"))
        spec.tls?.verify = true
        let notesOn = try #require(try CertificateSettings.artifacts(for: spec).last)
        #expect(!String(decoding: notesOn.contents, as: UTF8.self).contains("verification off"))
    }

    @Test func invalidHostEntryIsAnError() throws {
        var spec = try RunnerTestSupport.spec("local-bank")
        spec.tls?.clientCertificates[0].hosts.append(
            Located("api.*.test", at: SourceLocation(file: "s.yaml", line: 3, column: 5)))
        #expect(throws: DiagnosticsError.self) { try CertificateSettings.artifacts(for: spec) }
    }

    @Test(arguments: [
        ("*.ob.monese.com", "https://*.ob.monese.com/*"), ("localhost:8443", "https://localhost:8443/*"),
        ("example.com:443", "https://example.com/*"), ("https://Api.Example.com/x", "https://api.example.com/*"),
    ])
    func patternsHavePathAndNon443Port(entry: String, pattern: String) throws {
        #expect(try #require(HostPattern(parsing: entry)).newmanPattern == pattern)
    }

    @Test(arguments: ["", "*", "a*.example.com", "api.*.com", "host:0", "host:x", "a..b"])
    func badPatternsAreRejected(entry: String) {
        #expect(HostPattern(parsing: entry) == nil)
    }

    @Test func coverageFollowsNewmanRules() throws {
        let wildcard = try #require(HostPattern(parsing: "*.ob.monese.com"))
        #expect(wildcard.covers(host: "rs1.ob.monese.com", port: nil))
        #expect(wildcard.covers(host: "ob.monese.com", port: 443))
        #expect(!wildcard.covers(host: "rs1.ob.monese.com", port: 8443))
        #expect(!wildcard.covers(host: "evilob.monese.com", port: nil))
        let local = try #require(HostPattern(parsing: "localhost:8443"))
        #expect(local.covers(host: "localhost", port: 8443))
        #expect(!local.covers(host: "localhost", port: nil))
    }
}
