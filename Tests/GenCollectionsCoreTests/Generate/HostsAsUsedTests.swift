import Foundation
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The certificate settings follow the hosts as the helper file sets them (`Spec.usingHosts(from:)`), and a
/// helper file that moves a host elsewhere is reported (`HostMoves`).
@Suite struct HostsAsUsedTests {
    static func helper(_ values: [String: String], file: String = "helper.json") throws -> HelperEnvironment {
        try HelperEnvironment(data: Data(helperText(values).utf8), file: file)
    }

    /// A helper file on one line, its values in key order.
    static func helperText(_ values: [String: String]) -> String {
        let entries = values.keys.sorted().map { #"{"key": "\#($0)", "value": "\#(values[$0]!)"}"# }
        return #"{"values": [\#(entries.joined(separator: ", "))]}"#
    }

    static let local = [
        "rs": "https://127.0.0.1:8443", "tokenEndpoint": "https://127.0.0.1:8443/token",
        "authEndpoint": "https://127.0.0.1:8443/auth", "registrationEndpoint": "https://127.0.0.1:8443/register",
    ]

    static func artifact(_ path: String, _ artifacts: [Artifact]) throws -> String {
        String(decoding: try #require(artifacts.first { $0.path == path }).contents, as: UTF8.self)
    }

    @Test func certificateListAndNotesFollowTheHelperHosts() throws {
        let spec = try RunnerTestSupport.spec("monese-sandbox")
        let options = Generator.Options(helperEnvironment: try Self.helper(Self.local))
        let artifacts = try Generator.artifacts(for: spec, options: options)
        let list = try Self.artifact("ssl-client-cert-list.json", artifacts)
        #expect(list.contains(#""matches" : ["#) && list.contains(#""https://127.0.0.1:8443/*""#))
        #expect(!list.contains("monese.com"), "every host moved, so the spec's wildcard is dropped")
        let notes = try Self.artifact("CERTIFICATES.md", artifacts)
        #expect(notes.contains("| `127.0.0.1` | 8443 |"), "\(notes)")
        #expect(!notes.contains("ob.monese.com`"))
    }

    @Test func aPatternStaysWhileAHostItCoversStays() throws {
        let spec = try RunnerTestSupport.spec("monese-sandbox")
        var moved = Self.local
        moved["registrationEndpoint"] = nil
        let used = spec.usingHosts(from: try Self.helper(moved))
        let patterns = try #require(used.tls?.clientCertificates.first).hostPatterns(in: used).map(\.newmanPattern)
        if spec.hosts.contains(where: { $0.from.contains("registrationEndpoint") }) {
            #expect(patterns == ["https://*.ob.monese.com/*", "https://127.0.0.1:8443/*"])
        } else {
            #expect(patterns.count == 2)
        }
    }

    @Test func withoutAHelperFileTheSpecIsUnchanged() throws {
        let spec = try RunnerTestSupport.spec("monese-sandbox")
        #expect(spec.usingHosts(from: nil) == spec)
        let same = spec.usingHosts(from: try Self.helper(["rs": "https://rs1.ob.monese.com"]))
        #expect(same.tls == spec.tls)
    }

    @Test func hostsFromAGeneratedEnvironmentAreReadByName() throws {
        let spec = try RunnerTestSupport.spec("monese-sandbox")
        let used = spec.usingHosts(fromEnvironment: ["rs": "https://[::1]:9443"], file: "out/env.json")
        let rs = try #require(used.hosts.first { $0.name.value == "rs" })
        #expect(rs.url.value == "https://[::1]:9443")
        #expect(rs.url.location == SourceLocation(file: "out/env.json"))
        let patterns = try #require(used.tls?.clientCertificates.first).hostPatterns(in: used)
        #expect(patterns.contains(HostPattern(host: "[::1]", port: 9443)))
        // Newman's match patterns cannot hold an IPv6 address: the narrowest one that matches is the port.
        #expect(HostPattern(host: "[::1]", port: 9443).newmanPattern == "https://*:9443/*")
    }

    @Test func aSecretFromTheHelperMakesTheEnvironmentPrivate() throws {
        let spec = try RunnerTestSupport.spec("monese-sandbox")
        let environment = { (values: [String: String]) in
            try #require(
                try Generator.artifacts(for: spec, options: .init(helperEnvironment: try Self.helper(values)))
                    .first { $0.path.hasSuffix(".postman_environment.json") })
        }
        #expect(try environment(["basicToken": "Y2xpZW50OnNlY3JldA=="]).isPrivate)
        #expect(try !environment(["rs": "https://rs1.ob.monese.com"]).isPrivate)
    }

    // MARK: - Moved hosts

    @Test func plainHTTPIsAnErrorAndAnotherDomainAWarning() throws {
        let spec = try RunnerTestSupport.spec("monese-sandbox")
        let values = [
            "rs": "http://rs1.ob.monese.com", "tokenEndpoint": "https://as1.evil.example/token",
            "authEndpoint": "https://auth2.ob.monese.com/auth",
        ]
        let problems = HostMoves.problems(in: spec, helper: try Self.helper(values))
        #expect(problems.map(\.severity) == [.error, .warning])
        #expect(problems[0].id == "env-host-insecure")
        // At the value in the helper file.
        let text = Self.helperText(values)
        let column = text.distance(from: text.startIndex, to: text.range(of: "\"http://rs1")!.lowerBound) + 1
        #expect(
            problems[0].description.hasPrefix(
                "helper.json:1:\(column): error: the helper file sets host 'rs' to plain http"))
        #expect(problems[1].message.contains("from the domain 'monese.com' to 'evil.example'"))
    }

    @Test(arguments: [
        ("rs1.ob.monese.com", "monese.com"), ("api.bank.co.uk", "bank.co.uk"), ("127.0.0.1", "127.0.0.1"),
        ("[::1]", "[::1]"), ("localhost", "localhost"), ("obie.uk.ozoneapi.io", "ozoneapi.io"),
    ])
    func registrableDomains(host: String, domain: String) {
        #expect(RegistrableDomain.of(host) == domain)
    }

    @Test(arguments: [
        ("127.0.0.1:8443", "https://127.0.0.1:8443/*"), ("[::1]:8443", "https://*:8443/*"), ("[::1]", "https://*/*"),
    ])
    func addressesParse(entry: String, pattern: String) throws {
        #expect(try #require(HostPattern(parsing: entry)).newmanPattern == pattern)
    }

    @Test(arguments: ["*.0.0.1", "*.0.0.1:8443", "[::1", "[zz]:1", "[]", "a`b.com", "a|b.com", "a b.com"])
    func wildcardAddressesAreRejected(entry: String) {
        #expect(HostPattern(parsing: entry) == nil)
    }
}
