import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// `SpecWriter` is the one way a spec becomes text, so `load(write(spec)) == spec` must hold for every spec: the
/// bundled ones, every fixture, and specs full of values YAML would read as something else.
@Suite struct SpecWriterTests {
    /// Every spec fixture that loads (the SpecErrors fixtures do not, on purpose).
    static let fixtureSpecs: [String] = {
        let root = Golden.fixtures
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("SpecErrors/") }.sorted()
    }()

    @Test(arguments: BundledBank.all.map(\.name))
    func bundledSpecRoundTrips(_ name: String) throws {
        try Self.assertRoundTrip(try #require(BundledBank.named(name)).load(), name: name)
    }

    @Test(arguments: fixtureSpecs)
    func fixtureRoundTrips(_ path: String) throws {
        let text = try String(contentsOf: Golden.fixtures.appendingPathComponent(path), encoding: .utf8)
        try Self.assertRoundTrip(try SpecLoader.load(text, file: path).spec, name: path)
    }

    @Test func thereAreFixturesToRoundTrip() {
        #expect(Self.fixtureSpecs.count >= 5, "\(Self.fixtureSpecs)")
    }

    /// The written Monese spec, as a reader sees it: comments, key order, quoting and anchors.
    @Test func writtenDefaultSpecMatchesItsGolden() throws {
        Golden.assertMatches(
            SpecWriter.write(try DefaultSpec.load()),
            golden: Golden.fixtures.appendingPathComponent("SpecWriter/monese-sandbox.written.yaml"))
    }

    @Test func repeatedBodyPartsAreWrittenOnceWithAnAnchor() throws {
        let text = SpecWriter.write(try DefaultSpec.load())
        #expect(text.contains("Initiation: &initiation"))
        #expect(text.contains("Initiation: *initiation"))
        #expect(text.contains("Risk: *risk"))
    }

    /// The example of docs/spec-format.md ("Writing specs"): a spec built in code writes, loads and validates.
    @Test func aSpecBuiltInCodeWritesAndLoads() throws {
        let spec = Spec(
            name: "my-bank", title: "My Bank sandbox",
            hosts: [Spec.Host(name: "rs", url: "https://rs.my-bank.example", from: ["rs"])],
            flows: [
                Spec.Flow(
                    name: "Account information", key: "ais",
                    steps: [
                        Spec.Step(
                            name: "Get accounts", url: "{{rs}}/open-banking/v3.1/aisp/accounts",
                            expect: Spec.Expectations(status: [200]))
                    ])
            ])
        let yaml = SpecWriter.write(spec)
        let (loaded, warnings) = try SpecLoader.load(yaml, file: "my-bank.yaml")
        #expect(loaded == spec && warnings.isEmpty)
        #expect(
            loaded.flows[0].steps[0].url.location?.description
                == "my-bank.yaml:\(Self.line(of: "/aisp/accounts", in: yaml)):14")
        #expect(spec.flows[0].steps[0].url.location == nil, "a spec built in code has no locations")
    }

    /// The 1-based line of the first line holding `text`.
    static func line(of text: String, in yaml: String) -> Int {
        (yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) } ?? -1) + 1
    }

    // MARK: - Hostile values

    /// Strings that change type or meaning when written plain, or that break a careless emitter. (Not a leading
    /// U+FEFF: the YAML reader's UTF-8 decoding drops a byte-order mark at the start of any scalar, escaped or not,
    /// so no spec file can hold one.)
    static let hostile: [String] = [
        "", " ", "  leading", "trailing  ", "yes", "no", "No", "on", "OFF", "y", "n", "true", "False", "null", "~",
        "NULL", "08080021325698", "1.00", "1e3", "0x1F", "0o17", "-1", "+1", ".5", ".inf", ".nan", "1_000",
        "2026-01-01", "2026-01-01T10:00:00Z", "12:30", "190:20:30", "- item", "-", "--- ", "---", "...", "*star",
        "&anchor", "!tag", "!!str", "%YAML", "@at", "`tick", "? question", ": colon", "|pipe", ">fold", "<<", "=",
        "#comment", "a: b", "a:b", "key:", "a #b", "a#b", "[a, b]", "{a: b}", "a, b", "{{rs}}/x", "'single'",
        "\"double\"", "it's", "say \"hi\"", "both ' and \"", "back\\slash", "tab\there", "\t", "line1\nline2",
        "trailing newline\n", "two newlines\n\n", "\n", "\n\nleading newlines", "  indented\nlines", "a\n  b\n",
        "spaces only line\n   \nafter", "cr\rlf", "crlf\r\n", "nel\u{85}here", "ls\u{2028}ps\u{2029}", "mid\u{FEFF}bom",
        "bell\u{7}", "nul\u{0}", "del\u{7F}", "é ü ß", "日本語", "🙂 emoji", "zwj 👩‍💻", "nbsp\u{A0}here", "\u{A0}",
        String(repeating: "a long description with words ", count: 12) + "end",
        String(repeating: "x", count: 300), String(repeating: "k", count: 1100),
        "double  spaces  " + String(repeating: "word ", count: 40) + "end",
    ]

    /// Each hostile string in every kind of place a spec holds text.
    @Test(arguments: hostile)
    func hostileValueRoundTrips(_ value: String) throws {
        try Self.assertRoundTrip(Self.spec(holding: value), name: value.debugDescription)
    }

    /// Random strings over YAML's most troublesome characters, from a fixed seed so a failure reproduces.
    @Test func randomValuesRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x5eed)
        let alphabet = Array("ab0 1.:-#'\"\\}[,&*!|>%@`?~\n\t\r\u{85}\u{2028}é🙂yesnotruenull")
        for _ in 0..<300 {
            let length = Int.random(in: 0...24, using: &generator)
            let value = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            try Self.assertRoundTrip(Self.spec(holding: value), name: value.debugDescription)
        }
    }

    @Test func numbersAndBooleansInBodiesKeepTheirType() throws {
        let body: JSONValue = .object([
            ("amount", .string("1.00")), ("count", .number("1.50")), ("exp", .number("1E+3")), ("neg", .number("-0")),
            ("flag", .bool(false)), ("nothing", .null), ("yes", .string("yes")),
            ("list", .array([.number("1"), .string("1")])),
            ("empty", .object([])), ("none", .array([])), ("nested", .array([.object([("a", .array([.array([])]))])])),
        ])
        var spec = Self.spec(holding: "x")
        spec.flows[0].steps[0].body = .json(Located(body))
        try Self.assertRoundTrip(spec, name: "typed body")
    }

    // MARK: - Helpers

    /// A small valid spec with `value` as a title, description, variable value, header name and value, query
    /// value, JSON key and string, claim, script line and capture header.
    static func spec(holding value: String) -> Spec {
        let located = Located(value)
        let name = value.isEmpty ? "empty" : value
        var step = Spec.Step(
            name: "Send", url: "{{rs}}/accounts", query: [Spec.NamedValue(name: "q", value: located)],
            headers: [Spec.NamedValue(name: "X-\(value)", value: located)], auth: .bearer(located),
            body: .json(Located(.object([(value, .string(value)), ("k", .array([.string(value), .string(value)]))]))),
            expect: Spec.Expectations(
                status: [200], json: [Spec.FieldExpectation(path: "Data.Id", check: .equals(.string(value)))],
                headers: [Spec.FieldExpectation(path: Located(name), check: .oneOf([.string(value), .null]))]),
            captures: [Spec.Capture(variable: "seen", source: .header(value))], prerequestScript: [value],
            testScript: [value, "pm.test(\"x\", function () {});"], unsupported: nil)
        step.description = value
        let form = Spec.Step(
            name: "Token", method: "POST", url: "{{rs}}/token", auth: .client,
            body: .form([Spec.NamedValue(name: name, value: located)]))
        return Spec(
            name: "hostile", title: value.isEmpty ? "empty" : value, description: value, apiVersion: value,
            hosts: [Spec.Host(name: "rs", url: "https://rs.example", description: value, from: [value, "rs"])],
            variables: [
                Spec.Variable(name: "plain", value: value),
                Spec.Variable(name: "described", value: value, description: value),
                Spec.Variable(name: "secretOne", secret: true, from: [value]),
                Spec.Variable(name: "fresh", generate: .uuid),
            ],
            headerSets: [Spec.HeaderSet(name: "set", headers: [Spec.NamedValue(name: "h", value: located)])],
            tls: Spec.TLS(
                clientCertificates: [Spec.TLS.ClientCertificate(name: "t", cert: located, key: located, hosts: ["rs"])],
                caBundle: located, verify: false),
            registration: Spec.Registration(
                endpoint: "{{rs}}/register", claims: [Spec.Claim(name: "aud", value: .string(value))]),
            clientAuth: Spec.ClientAuth(method: .clientSecretPost, clientId: located, clientSecret: located),
            requestObject: Spec.RequestObject(
                signing: .ps256(.init(key: located, kid: located, passphraseEnv: "PASS")), lifetime: 60, acr: [value],
                maxAge: 10, claims: [Spec.Claim(name: "login_hint", value: .string(value))]),
            helperAPI: Spec.HelperAPI(environment: "{{rs}}/helper"),
            flows: [
                Spec.Flow(name: "Flow", description: value, steps: [step, form]),
                Spec.Flow(name: "Other", key: "other", unsupported: value.isEmpty ? "none" : value),
            ])
    }

    /// `load(write(spec)) == spec`, and writing the loaded spec gives the same bytes again.
    static func assertRoundTrip(
        _ spec: Spec, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let text = SpecWriter.write(spec)
        let loaded: Spec
        do {
            loaded = try SpecLoader.load(text, file: "written.yaml").spec
        } catch let error as DiagnosticsError {
            Issue.record(
                "\(name): the written spec does not load:\n\(error)\n---\n\(text)", sourceLocation: sourceLocation)
            return
        }
        #expect(
            loaded == spec, "\(name): the spec read back differs\n\(firstDifference(loaded, spec))\n---\n\(text)",
            sourceLocation: sourceLocation)
        #expect(SpecWriter.write(loaded) == text, "\(name): writing is not stable", sourceLocation: sourceLocation)
    }
}

/// Where two specs' descriptions part, to keep a failure readable.
func firstDifference(_ a: Spec, _ b: Spec) -> String {
    let left = Array(String(describing: a)), right = Array(String(describing: b))
    let start =
        zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset
        ?? min(left.count, right.count)
    let from = max(0, start - 120)
    return "read back: …\(String(left[from..<min(left.count, start + 80)]))…\n"
        + "written:   …\(String(right[from..<min(right.count, start + 80)]))…"
}

/// A small deterministic random number generator (SplitMix64), so random tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
