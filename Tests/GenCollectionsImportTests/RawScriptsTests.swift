import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing

/// The spec key `scripts` (on the spec, flows and steps) that adopted collections' scripts become: written and read
/// back as the same spec, and generated verbatim after the generated lines, without a marker.
@Suite struct RawScriptsTests {
    static let spec = Spec(
        name: Located("raw-scripts"),
        hosts: [Spec.Host(name: Located("api"), url: Located("https://api.example.com"))],
        scripts: Spec.RawScripts(prerequest: "console.log(\"collection\");\n\n// a blank line above"),
        bankReason: false,
        flows: [
            Spec.Flow(
                name: Located("Flow"),
                steps: [
                    Spec.Step(
                        name: Located("Step"), url: Located("{{api}}/things"), expect: Spec.Expectations(status: [200]),
                        testScript: ["console.log('spec line');"],
                        scripts: Spec.RawScripts(
                            prerequest: "pm.variables.set(\"a\", \"b: c\");", test: "pm.test(\"x\", function () {\n});")
                    )
                ], scripts: Spec.RawScripts(test: "console.log('folder # not a comment');"))
        ])

    @Test func writesAndReadsBackTheSameSpec() throws {
        let yaml = SpecWriter.write(Self.spec)
        #expect(try SpecLoader.load(yaml, file: "raw.yaml").spec == Self.spec)
        #expect(yaml.contains("bankReason: false"))
    }

    @Test func generatesTheTextVerbatimAfterTheGeneratedLines() throws {
        let collection = Generator.collection(for: Self.spec)
        let events = collection.events ?? []
        #expect(events.map { $0.listen } == ["prerequest"])
        #expect(events.first?.lines == ["console.log(\"collection\");", "", "// a blank line above"])
        guard let folder = collection.items.first, let request = folder.items?.first else {
            Issue.record("no folder and request")
            return
        }
        #expect(folder.events?.first?.lines == ["console.log('folder # not a comment');"])
        let test = request.events?.first { $0.listen == "test" }?.lines ?? []
        #expect(
            Array(test.suffix(4)) == [
                "// From the spec.", "console.log('spec line');", "pm.test(\"x\", function () {", "});",
            ])
        #expect(test.first?.hasPrefix("pm.test(\"status is 200\"") == true)
        #expect(
            request.events?.first { $0.listen == "prerequest" }?.lines == ["pm.variables.set(\"a\", \"b: c\");"])
    }

    @Test func unknownKeysUnderScriptsAreErrors() throws {
        let yaml = """
            gen-collections: 1
            name: x
            flows:
              - name: F
                scripts: {bankReason: false}
                steps: [{name: S, url: "https://a.example"}]
            """
        #expect(throws: DiagnosticsError.self) { try SpecLoader.load(yaml, file: "x.yaml") }
    }
}
