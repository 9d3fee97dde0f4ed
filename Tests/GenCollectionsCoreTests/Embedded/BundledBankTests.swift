import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The bank specs compiled into the binary, and what `gen-collections banks` says about them.
@Suite struct BundledBankTests {
    @Test func everySpecInSpecsIsABundledBank() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: PackagePaths.root.appendingPathComponent("specs").path)
        #expect(Set(BundledBank.all.map(\.fileName)) == Set(files.filter { $0.hasSuffix(".yaml") }))
        #expect(BundledBank.named(BundledBank.defaultName) == .default)
    }

    @Test func anUnknownNameGetsTheClosestBankAndTheList() {
        #expect(
            BundledBank.unknownBankMessage("ozone")
                == "no bundled bank is named 'ozone'; did you mean 'ozone-model-bank'? the bundled banks are "
                + "monese-sandbox, ozone-model-bank")
        #expect(BundledBank.unknownBankMessage("monese-sandbx").contains("did you mean 'monese-sandbox'?"))
        #expect(!BundledBank.unknownBankMessage("acme").contains("did you mean"))
    }

    @Test func summariesSayWhatEachBankSupports() throws {
        let banks = try BankSummary.bundled()
        #expect(banks.first?.isDefault == true, "the default bank is listed first")
        let monese = try #require(banks.first { $0.name == "monese-sandbox" })
        #expect(monese.leftOut.map(\.step) == ["Get account transactions"])
        let ozone = try #require(banks.first { $0.name == "ozone-model-bank" })
        #expect(ozone.leftOut.isEmpty)
        #expect(ozone.flows.map(\.name) == ["Registration", "Account information", "Domestic payments"])
        #expect(ozone.clientAuth == "client_secret_basic" && ozone.requestObjectSigning == "none")
    }

    /// The text `gen-collections banks` prints.
    @Test func bankListMatchesItsGolden() throws {
        Golden.assertMatches(
            BankSummary.text(try BankSummary.bundled()),
            golden: Golden.fixtures.appendingPathComponent("Banks/banks.txt"))
    }

    @Test func jsonListIsJSON() throws {
        let text = BankSummary.json(try BankSummary.bundled())
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(parsed?.map { $0["name"] as? String } == ["monese-sandbox", "ozone-model-bank"])
    }
}
