import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing

@testable import GenCollectionsMock

/// Spec → the mock's paths, and a step's response example as the mock's answer.
@Suite struct RoutesTests {
    static func spec(_ steps: String, hosts: String = "rs: https://rs.example.com") throws -> Spec {
        let text = """
            gen-collections: 1
            name: test-bank
            hosts:
            \(hosts.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            flows:
              - name: Flow
                steps:
            \(steps.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n"))
            """
        return try SpecLoader.load(text, file: "test.yaml").spec
    }

    @Test func hostsAreMountedAtTheirPathsAndCollisionsGetTheHostName() throws {
        let spec = try Self.spec(
            """
            - name: Token
              method: POST
              url: "{{as}}"
              body: {form: {grant_type: client_credentials}}
            - name: Other token
              method: POST
              url: "{{as2}}"
            """,
            hosts: "as: https://as.example.com/token\nas2: https://as2.example.com/token\nrs: https://rs.example.com")
        let routes = Routes(spec: spec)
        #expect(routes.url(ofHost: "as", origin: "https://m") == "https://m/token")
        #expect(routes.url(ofHost: "as2", origin: "https://m") == "https://m/as2/token")
        #expect(routes.url(ofHost: "rs", origin: "https://m") == "https://m")
        #expect(routes.tokenPath == "/token")
        #expect(routes.match(method: "POST", path: "/as2/token")?.step?.name.value == "Other token")
    }

    @Test func moneseStepsMapToTheirEndpoints() throws {
        let routes = Routes(spec: try DefaultSpec.load())
        #expect(routes.tokenPath == "/token")
        #expect(routes.authorizePath == "/auth")
        #expect(routes.registerPath == "/dynamic-client-registration/v3.2/register")
        let account = routes.match(method: "GET", path: "/open-banking/v3.1/aisp/accounts/a-1")
        #expect(account?.endpoint == .resource(group: "aisp", pattern: "accounts/{id}", ids: ["a-1"]))
        #expect(account?.step?.key == "ais-account")
        #expect(routes.match(method: "GET", path: "/open-banking/v3.1/aisp/standing-orders") == nil)
    }

    @Test func aStepsExampleIsWhatTheMockAnswers() throws {
        let spec = try Self.spec(
            """
            - name: Get offers
              url: "{{rs}}/open-banking/v3.1/aisp/offers"
              expect: {status: 200, json: {"Data.Offer[0].OfferId": present}}
              response:
                status: 200
                headers: {x-example: "yes"}
                json:
                  Data:
                    Offer: [{OfferId: o-1}]
                  Links: {Self: "https://rs.example.com/offers"}
                  Meta: {}
            """)
        let bank = MockBank(spec: spec, configuration: MockConfiguration(origin: "https://m"))
        let response = bank.handle(
            MockRequest(method: "GET", target: "/open-banking/v3.1/aisp/offers", client: BankHarness.certificate))
        #expect(response.status == 200)
        #expect(response.value("Data.Offer[0].OfferId") == "o-1")
        #expect(response.header("x-example") == "yes")
        #expect(response.header("x-fapi-interaction-id") != nil)
    }

    @Test func aStepWithoutAnExampleGetsAnOpenBankingShapedDefault() throws {
        let spec = try Self.spec(
            """
            - name: Get offers
              url: "{{rs}}/open-banking/v3.1/aisp/offers"
            """)
        let bank = MockBank(spec: spec, configuration: MockConfiguration(origin: "https://m"))
        let response = bank.handle(
            MockRequest(method: "GET", target: "/open-banking/v3.1/aisp/offers", client: BankHarness.certificate))
        #expect(response.value("Links.Self") == "https://m/open-banking/v3.1/aisp/offers")
        #expect(response.json?["Meta"] != nil)
    }
}
