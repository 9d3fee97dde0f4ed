import Foundation
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// The bounds on what a spec's YAML may cost (`YAMLLimits`): a small file never expands into minutes of work.
@Suite struct YAMLLimitsTests {
    /// A "billion laughs": `levels` anchors, each a list of ten aliases of the one before, used as a JSON body.
    static func laughs(levels: Int) -> String {
        var lines = ["gen-collections: 1", "name: laughs", "hosts: {api: https://api.example.com}", "x:"]
        lines.append("  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]")
        for level in 1..<levels {
            let previous = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("  a\(level): &a\(level) [\(previous)]")
        }
        lines += [
            "flows:", "  - name: F", "    steps:", "      - name: S", "        method: POST",
            "        url: \"{{api}}/x\"", "        body: {json: *a\(levels - 1)}",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func billionLaughsIsRefusedAtTheAnchor() throws {
        // Nine levels would expand to 10^9 values: returning at all shows the refusal came before expansion.
        let error = try #require(throws: DiagnosticsError.self) {
            try SpecLoader.load(Self.laughs(levels: 9), file: "laughs.yaml")
        }
        let problem = try #require(error.diagnostics.first)
        #expect(error.diagnostics.count == 1)
        #expect(problem.id == "spec-alias-expansion")
        #expect(problem.location?.line == 8, "the anchor whose aliases pass the limit: a3")
        #expect(
            problem.message
                == "the aliases of this anchor make the spec too large: more than 100000 values or 16 MiB added by "
                + "aliases, or more than 10000 aliases")
    }

    @Test func laughsBeyondWhatAnIntCountsAreRefusedToo() throws {
        // 10^30 values: counting them after the refusal would overflow.
        let error = try #require(throws: DiagnosticsError.self) {
            try SpecLoader.load(Self.laughs(levels: 30), file: "laughs.yaml")
        }
        #expect(error.diagnostics.map(\.id) == ["spec-alias-expansion"])
        #expect(error.diagnostics.first?.location?.line == 8)
    }

    @Test func aFewAliasesAreFine() throws {
        // 3 levels: 1,000 values through 111 aliases; the spec's other problems are reported as usual.
        let error = try #require(throws: DiagnosticsError.self) {
            try SpecLoader.load(Self.laughs(levels: 3), file: "laughs.yaml")
        }
        #expect(error.diagnostics.map(\.id) == ["spec-unknown-key"])
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        let text = YAMLScalarTests.spec(body: deep)
        let error = try #require(throws: DiagnosticsError.self) { try SpecLoader.load(text, file: "deep.yaml") }
        #expect(error.diagnostics.map(\.id) == ["spec-too-deep"])
        #expect(error.diagnostics.first?.message == "values nest more than 100 levels deep")
        #expect(error.diagnostics.first?.location?.line == 11)
    }

    @Test func deeperThanLibyamlIsRefusedWithAPosition() throws {
        let deep = String(repeating: "[", count: 5000)
        let error = try #require(throws: DiagnosticsError.self) {
            try SpecLoader.load(YAMLScalarTests.spec(body: deep), file: "deep.yaml")
        }
        #expect(error.diagnostics.map(\.id) == ["spec-too-deep"])
        #expect(error.diagnostics.first?.message == "the YAML nests more than 1000 levels deep")
        #expect(error.diagnostics.first?.location?.line == 11)
    }

    @Test func nameStartingWithADashIsRefused() throws {
        let text = YAMLScalarTests.spec(body: "1").replacingOccurrences(of: "name: scalars", with: "name: -rf")
        let error = try #require(throws: DiagnosticsError.self) { try SpecLoader.load(text, file: "s.yaml") }
        #expect(error.diagnostics.map(\.message) == ["name '-rf' cannot start with '-'"])
        #expect(error.diagnostics.first?.location?.line == 2)
    }
}
