import Foundation
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// Broken specs and the exact diagnostics they produce: `Fixtures/SpecErrors/<case>.yaml` next to
/// `<case>.diagnostics.txt`. The messages are part of the product, so they are pinned word for word.
@Suite struct SpecErrorTests {
    static let folder = Golden.fixtures.appendingPathComponent("SpecErrors")
    static let cases =
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
        .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted() ?? []

    @Test(arguments: cases)
    func diagnostics(_ name: String) throws {
        let text = try String(contentsOf: Self.folder.appendingPathComponent("\(name).yaml"), encoding: .utf8)
        var rendered = ""
        do {
            let (_, warnings) = try SpecLoader.load(text, file: "\(name).yaml")
            Issue.record("\(name).yaml loaded without errors; warnings: \(warnings)")
        } catch let error as DiagnosticsError {
            #expect(error.diagnostics.contains { $0.severity == .error })
            #expect(error.diagnostics.allSatisfy { $0.location?.line != nil }, "every problem names a line")
            rendered = error.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        }
        Golden.assertMatches(rendered, golden: Self.folder.appendingPathComponent("\(name).diagnostics.txt"))
    }

    @Test(arguments: BundledBank.all.map(\.name))
    func bundledSpecLoadsWithoutWarnings(_ name: String) throws {
        let bank = try #require(BundledBank.named(name))
        let (spec, warnings) = try SpecLoader.load(bank.text, file: bank.fileName)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(spec.name.value == bank.name, "a bundled spec's name is its file stem")
    }

    @Test func emptySpecSaysHowToStart() {
        #expect(throws: DiagnosticsError.self) { try SpecLoader.load("", file: "empty.yaml") }
    }
}
