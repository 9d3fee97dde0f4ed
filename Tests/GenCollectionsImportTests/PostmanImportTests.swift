import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsImport

/// `import postman`: adopting a collection gives a spec that generates it again, so `check` on the original file
/// reports nothing right after adoption, except what the import warned it cannot say.
@Suite struct PostmanImportTests {
    /// The tool's own committed bundles come back as the spec's expectations and captures, with no drift.
    @Test(arguments: [
        ("output/monese-sandbox.postman_collection.json", "output/monese-sandbox.postman_environment.json"),
        (
            "examples/ozone-model-bank/ozone-model-bank.postman_collection.json",
            "examples/ozone-model-bank/ozone-model-bank.postman_environment.json"
        ),
    ])
    func ownBundlesRoundTripWithoutDrift(collection: String, environment: String) throws {
        let (result, _, drift) = try ImportFixtures.adopt(collection, environment: environment)
        #expect(ImportFixtures.lines(drift) == [])
        // Generated scripts are read back, not kept as JavaScript: the spec has expectations, captures and consent
        // steps again, and no verbatim script is left.
        let steps = result.spec.flows.flatMap(\.steps)
        #expect(steps.contains { !$0.expect.status.isEmpty })
        #expect(steps.contains { !$0.captures.isEmpty })
        #expect(steps.filter { $0.consent != nil }.count == 2)
        #expect(steps.allSatisfy { $0.scripts.isEmpty }, "\(steps.filter { !$0.scripts.isEmpty }.map(\.name.value))")
        #expect(result.spec.bankReason)
        #expect(result.spec.variables.contains { $0.generate == .uuid })
        #expect(result.spec.hosts.map(\.name.value).contains("rs"))
    }

    /// A hand-made collection with every body mode, auth type, scripts, examples and a nested folder: the only
    /// drift is what the import warned about.
    @Test func everyModeRoundTripsExceptWhatItWarns() throws {
        let (result, yaml, drift) = try ImportFixtures.adopt(
            "Tests/GenCollectionsImportTests/Fixtures/Postman/every-mode.postman_collection.json",
            environment: "Tests/GenCollectionsImportTests/Fixtures/Postman/every-mode.postman_environment.json")
        // Each drift is one the import warned about: bodies a spec cannot hold, auth moved from the folder
        // onto its requests (and the apikey auth left out), the nested folder flattened, the duplicate renamed.
        #expect(
            ImportFixtures.lines(drift) == [
                "Auth: auth changed",
                "Auth / Nested: folder added",
                "Bodies / Form data: body removed",
                "Bodies / File: body removed",
                "Bodies / GraphQL: body changed",
                "Auth / Inherits the folder's token: auth added",
                "Auth / API key: auth changed",
                "Auth / Nested / Get account: folder changed",
                "Auth / Nested / Get account: auth added",
                "Duplicates / Get account (2): name changed",
            ])
        let warned = Set(result.diagnostics.map(\.id))
        #expect(
            warned.isSuperset(of: [
                "import-not-carried", "import-auth-moved", "import-nested-folder", "import-renamed", "import-body-mode",
                "import-secret-dropped",
            ]))
        // Scripts are kept verbatim, the secret's value is not written, the example is kept.
        #expect(yaml.contains("pm.environment.set(\"paymentId\", pm.response.json().Data.PaymentId);"))
        #expect(!yaml.contains("s3cr3t"))
        #expect(result.spec.variables.first { $0.name.value == "clientSecret" }?.secret == true)
        #expect(result.spec.hosts.map(\.name.value) == ["baseUrl"])
        #expect(result.spec.flows.flatMap(\.steps).first { $0.name.value == "Raw JSON" }?.response?.status == 201)
        #expect(!result.spec.bankReason)
        #expect(result.spec.scripts.prerequest?.hasPrefix("// collection-level pre-request") == true)
        // Every warning names a line and column of the collection.
        for diagnostic in result.diagnostics { #expect(diagnostic.location?.line != nil, "\(diagnostic)") }
    }

    /// The same collection gives the same spec bytes on every run.
    @Test func importIsDeterministic() throws {
        let path = "Tests/GenCollectionsImportTests/Fixtures/Postman/every-mode.postman_collection.json"
        let first = try ImportFixtures.adopt(path).yaml
        let second = try ImportFixtures.adopt(path).yaml
        #expect(first == second)
    }

    /// Real collections from the lint fixtures import and load; their drift is what the warnings name.
    @Test(arguments: [
        "Tests/GenCollectionsLintTests/Fixtures/RealWorld/ozone-model-bank/UK OBL v3.1.11.postman_collection.json",
        "Tests/GenCollectionsLintTests/Fixtures/RealWorld/fintech/acme-gateway.postman_collection.json",
        "Tests/GenCollectionsLintTests/Fixtures/RealWorld/missed/ob-payments.postman_collection.json",
        "Tests/GenCollectionsLintTests/Fixtures/EndToEnd/clean/nested/clean.postman_collection.json",
    ])
    func realCollectionsImport(path: String) throws {
        let (result, _, drift) = try ImportFixtures.adopt(path)
        #expect(!result.spec.flows.isEmpty)
        // Their only drift is auth (moved from folders onto requests, or a type a spec cannot say) and folders
        // (nested ones flattened, loose requests put into a flow), each warned about.
        let warned = Set(result.diagnostics.map(\.id))
        for finding in drift {
            #expect(["auth", "folder"].contains(finding.field), "\(finding)")
            let reasons: Set<String> =
                finding.field == "auth"
                ? ["import-auth-moved", "import-not-carried"] : ["import-nested-folder", "import-root-requests"]
            #expect(!warned.isDisjoint(with: reasons), "\(finding)")
        }
    }

    /// A file that is not JSON fails with its line and column.
    @Test func syntaxErrorsNameTheirPlace() throws {
        #expect(throws: DiagnosticsError.self) {
            try PostmanImport.spec(fromCollection: Data("{\n  \"info\": ,\n}".utf8), file: "broken.json")
        }
        do {
            _ = try PostmanImport.spec(fromCollection: Data("{\n  \"info\": ,\n}".utf8), file: "broken.json")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.first?.location == SourceLocation(file: "broken.json", line: 2, column: 11))
        }
    }
}
