import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsLint
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsImport

/// `import openapi` on the OBIE Read/Write API v3.1.11 documents: each gives a spec that loads, and a bundle that
/// validates against the official Postman schema and lints without errors.
@Suite struct OpenAPIImportTests {
    static let documents = [
        "account-info-openapi.yaml", "payment-initiation-openapi.yaml", "confirmation-funds-openapi.yaml",
        "vrp-openapi.yaml", "events-openapi.yaml", "event-notifications-openapi.yaml",
    ]
    static let schema = PackagePaths.root.appendingPathComponent(
        "../shared/reference/postman/collection-v2.1.0.schema.json"
    ).standardizedFileURL
    static let hasJSONSchema = Shell.run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status == 0

    /// Each document imported once for all tests (a debug build takes seconds for the large ones).
    static let imported: [String: Result<(result: ImportResult, yaml: String, spec: Spec), Error>] =
        Dictionary(uniqueKeysWithValues: documents.map { name in (name, Result { try importAnew(name) }) })

    static func importing(_ name: String) throws -> (result: ImportResult, yaml: String, spec: Spec) {
        try imported[name]!.get()
    }

    static func importAnew(_ name: String) throws -> (result: ImportResult, yaml: String, spec: Spec) {
        let path = "Tests/GenCollectionsImportTests/Fixtures/OpenAPI/\(name)"
        let result = try OpenAPIImport.spec(fromDocument: Data(contentsOf: ImportFixtures.url(path)), file: path)
        let yaml = SpecWriter.write(result.spec)
        return (result, yaml, try SpecLoader.load(yaml, file: "\(name).spec.yaml").spec)
    }

    @Test(arguments: documents)
    func bundlesLintWithoutErrors(name: String) throws {
        let (_, _, spec) = try Self.importing(name)
        let artifacts = try Generator.artifacts(for: spec)
        let environments = artifacts.filter { $0.path.hasSuffix(".postman_environment.json") }
        let linter = Linter(
            context: try Linter.context(environments: environments.map { ($0.path, [UInt8]($0.contents)) }))
        for artifact in artifacts where artifact.path.hasSuffix(".postman_collection.json") {
            let errors = linter.lint(file: artifact.path, contents: artifact.contents).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test(.enabled(if: hasJSONSchema, "needs python3 with jsonschema"))
    func collectionsValidateAgainstTheOfficialSchema() throws {
        try #require(FileManager.default.fileExists(atPath: Self.schema.path), "needs ../shared/reference/postman")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("openapi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var files: [String] = []
        for name in Self.documents {
            let file = scratch.appendingPathComponent("\(name).json")
            try Generator.collection(for: try Self.importing(name).spec).json.data(.canonical).write(to: file)
            files.append(file.path)
        }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            failures = 0
            for path in sys.argv[2:]:
                for error in jsonschema.Draft4Validator(schema).iter_errors(json.load(open(path))):
                    failures += 1
                    print(path, list(error.absolute_path), error.message[:200])
            sys.exit(1 if failures else 0)
            """
        let result = Shell.run("/usr/bin/env", ["python3", "-c", script, Self.schema.path] + files)
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }

    /// The AIS document: a host per server, steps by tag, the FAPI headers as a set, OAuth2 token steps, bodies
    /// with required fields only (enums respected), statuses and required fields as expectations.
    @Test func accountInformationMapsAsDocumented() throws {
        let (result, yaml, spec) = try Self.importing("account-info-openapi.yaml")
        #expect(spec.hosts.map(\.name.value) == ["host", "tokenUrl"])
        #expect(spec.headerSets.first?.headers.map(\.name) == ["x-fapi-auth-date", "x-fapi-interaction-id"])
        #expect(spec.flows.first?.steps.map(\.name.value) == ["Client credentials token", "Authorization code token"])
        let consent = try #require(spec.flows.flatMap(\.steps).first { $0.key == "create-account-access-consents" })
        #expect(consent.method == "POST")
        #expect(consent.auth == .bearer(Located("{{clientAccessToken}}")))
        #expect(consent.expect.status == [201])
        #expect(consent.expect.json.map(\.path.value).contains("Data.ConsentId"))
        guard case let .json(body)? = consent.body else { throw Failure("the consent step has no JSON body") }
        #expect(body.value.rendered(indent: nil) == #"{"Data":{"Permissions":["ReadAccountsBasic"]},"Risk":{}}"#)
        let account = try #require(spec.flows.flatMap(\.steps).first { $0.key == "get-accounts-account-id" })
        #expect(account.url.value == "{{host}}/accounts/:AccountId")
        #expect(account.auth == .bearer(Located("{{accessToken}}")))
        #expect(result.diagnostics.map(\.id) == ["import-relative-server"])
        // Deterministic: the same bytes on every run.
        #expect(try Self.importAnew("account-info-openapi.yaml").yaml == yaml)
    }

    @Test func errorsNameTheirPlace() throws {
        // `info` lacks its version: the error points at the `info` mapping (its first key, line 3).
        let text = "openapi: 3.0.0\ninfo:\n  title: x\npaths: {}\n"
        do {
            _ = try OpenAPIImport.spec(fromDocument: Data(text.utf8), file: "bad.yaml")
            Issue.record("expected an error")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "bad.yaml", line: 3, column: 3))
            #expect(error.diagnostics.first?.message.contains("`version`") == true, "\(error.diagnostics)")
        }
        #expect(throws: DiagnosticsError.self) {
            try OpenAPIImport.spec(fromDocument: Data("swagger: '2.0'\n".utf8), file: "old.yaml")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}

/// The edits docs/import-and-convert.md lists to wire the imported AIS steps into the consent flow, applied to
/// the imported spec: the result loads without warnings about undefined variables, and its bundle lints clean.
@Suite struct OpenAPIConsentWiringTests {
    @Test func documentedEditsGiveAConsentFlow() throws {
        var spec = try OpenAPIImportTests.importing("account-info-openapi.yaml").spec
        // 1. Hosts and the authorisation server's variables.
        spec.hosts[0].url = Located("https://rs.bank.example/open-banking/v3.1/aisp")
        spec.hosts[1].url = Located("https://as.bank.example/token")
        spec.variables.removeAll { ["ConsentId", "AccountId", "authorizationCode"].contains($0.name.value) }
        spec.variables += [
            Spec.Variable(name: Located("authEndpoint"), value: "https://as.bank.example/authorize"),
            Spec.Variable(name: Located("issuer"), value: "https://as.bank.example"),
        ]
        let access = try #require(spec.flows.firstIndex { $0.key == "account-access" })
        // 2. The consent's id is captured, 3. the PSU consent step follows, 4. then the code is exchanged.
        spec.flows[access].steps[0].captures = [
            Spec.Capture(variable: Located("ConsentId"), source: .json(JSONPath("Data.ConsentId")!))
        ]
        let consent = Spec.Step(
            name: Located("PSU consent (accounts)"),
            expect: Spec.Expectations(status: [200, 302, 303]),
            consent: Spec.Consent(
                authorizeEndpoint: Located("{{authEndpoint}}"), clientId: Located("{{clientId}}"),
                scope: "openid accounts", redirectUri: Located("{{redirectUrl}}"), intentId: Located("{{ConsentId}}"),
                audience: Located("{{issuer}}"), saveAs: "accountsConsentUrl", codeVariable: "authorizationCode"))
        let exchange = spec.flows[0].steps.remove(at: 1)
        spec.flows[access].steps.insert(contentsOf: [consent, exchange], at: 1)
        // 5. Get Accounts captures the first account's id for the steps after it.
        let accounts = try #require(spec.flows.firstIndex { $0.key == "accounts" })
        spec.flows[accounts].steps[0].captures = [
            Spec.Capture(variable: Located("AccountId"), source: .json(JSONPath("Data.Account[0].AccountId")!))
        ]
        let (loaded, warnings) = try SpecLoader.load(SpecWriter.write(spec), file: "ais-wired.yaml")
        #expect(!warnings.contains { $0.id == "spec-undefined-variable" }, "\(warnings)")
        let artifacts = try Generator.artifacts(for: loaded)
        let environments = artifacts.filter { $0.path.hasSuffix(".postman_environment.json") }
        let linter = Linter(
            context: try Linter.context(environments: environments.map { ($0.path, [UInt8]($0.contents)) }))
        for artifact in artifacts where artifact.path.hasSuffix(".postman_collection.json") {
            let errors = linter.lint(file: artifact.path, contents: artifact.contents).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        }
    }
}
