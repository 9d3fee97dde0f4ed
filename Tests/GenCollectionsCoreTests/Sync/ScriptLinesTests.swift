import Testing

@testable import GenCollectionsBase
@testable import GenCollectionsCore

@Suite struct ScriptLinesTests {
    let generated = [
        "pm.test(\"status is 200\", function () {", "    pm.expect(pm.response.code).to.be.oneOf([200]);", "});",
    ]

    @Test func userLinesAroundTheGeneratedBlockAreKept() {
        let file = ["// mine first"] + generated + ["console.log(pm.response.text());"]
        let merge = ScriptLines.merge(generated: generated, file: file)
        #expect(merge.lines == file)
        #expect(merge.kept == ["// mine first", "console.log(pm.response.text());"])
        #expect(merge.replaced.isEmpty)
        #expect(ScriptLines.compare(generated: generated, file: file) == .init(missing: [], extra: merge.kept))
    }

    @Test func aChangedGeneratedLineIsReplacedAndUserLinesStay() {
        let old = [
            "pm.test(\"status is 201\", function () {", "    pm.expect(pm.response.code).to.be.oneOf([201]);", "});",
        ]
        let file = old + ["pm.test(\"mine\", function () { pm.expect(1).to.eql(1); });"]
        let merge = ScriptLines.merge(generated: generated, file: file)
        #expect(merge.lines == generated + ["pm.test(\"mine\", function () { pm.expect(1).to.eql(1); });"])
        #expect(merge.replaced == Array(old.prefix(2)))
        #expect(ScriptLines.compare(generated: generated, file: file).missing == Array(generated.prefix(2)))
    }

    @Test func newGeneratedLinesAndUserLinesAtTheEndBothSurvive() {
        let added = generated + ["pm.environment.set(\"orderId\", valueAt([\"id\"]));"]
        let file = generated + ["console.log(\"mine\");"]
        let merge = ScriptLines.merge(generated: added, file: file)
        #expect(merge.lines == added + ["console.log(\"mine\");"])
        #expect(merge.kept == ["console.log(\"mine\");"])
    }

    @Test func scriptStoredAsOneStringAndTrailingSpaces() {
        #expect(Postman.Event.lines(of: .string("a\r\nb  ")) == ["a", "b  "])
        #expect(ScriptLines.compare(generated: ["a", "b"], file: ["a", "b  "]) == .init(missing: [], extra: []))
        #expect(Postman.Event.lines(of: .array([])) == [])
    }
}
