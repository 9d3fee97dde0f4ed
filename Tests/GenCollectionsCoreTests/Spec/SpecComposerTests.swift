import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// How a spec's YAML becomes a tree (`SpecComposer`), and where the composer leaves the verdict to Yams so that
/// every YAML diagnostic is Yams' own.
@Suite struct SpecComposerTests {
    static func compose(_ text: String) -> SpecComposer.Composition { SpecComposer.compose(text, file: "s.yaml") }

    /// The one diagnostic of loading `text`.
    static func problem(_ text: String) throws -> Diagnostic {
        let error = try #require(throws: DiagnosticsError.self) { try SpecLoader.load(text, file: "s.yaml") }
        #expect(error.diagnostics.count == 1)
        return try #require(error.diagnostics.first)
    }

    @Test func scalarsKeepTheirTextStyleTagAndPosition() throws {
        let root = try #require(Self.compose("a: 1\nb: \"2\"\nc: !!int 3\nd: ! x\n").root)
        guard case let .mapping(mapping) = root else { Issue.record("not a mapping"); return }
        let values = mapping.map { pair -> SpecNode.Scalar? in
            guard case let .scalar(scalar) = pair.value else { return nil }
            return scalar
        }
        #expect(values.map { $0?.string } == ["1", "2", "3", "x"])
        #expect(values.map { $0?.isPlain } == [true, false, true, true])
        #expect(values.map { $0?.tag } == ["", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "!"])
        #expect(values.map { $0.map { "\($0.mark.line):\($0.mark.column)" } } == ["1:4", "2:4", "3:4", "4:4"])
        #expect(root.mark.line == 1 && root.mark.column == 1)
    }

    @Test func anAliasIsItsAnchorsNode() throws {
        let root = try #require(Self.compose("a: &x {k: v}\nb: *x\n").root)
        guard case let .mapping(mapping) = root, case let .mapping(first) = mapping[0].value,
            case let .mapping(second) = mapping[1].value
        else {
            Issue.record("not mappings")
            return
        }
        #expect(first === second, "shared, not copied")
        #expect(second.mark.line == 1, "so a problem in it is reported where it is written")
    }

    @Test func aTextWithoutADocumentHasNoTree() {
        for text in ["", "# only a comment\n", "\n\n"] {
            let composition = Self.compose(text)
            #expect(composition.root == nil && !composition.needsYams && composition.problem == nil)
        }
    }

    @Test func whatOnlyYamsCanTellIsLeftToYams() {
        for text in [
            "a: [1, 2\n",  // a syntax error
            "a: *nowhere\n",  // an undefined alias
            "a: 1\n---\nb: 2\n",  // a second document
            "a: 1\n\"a\": 2\n",  // the same text twice: a repeated key
            "1: x\n\"1\": y\n",  // the same text twice, which Yams tells apart by tag
            "? [a]\n: 1\n",  // a key that is not a scalar
        ] {
            #expect(Self.compose(text).needsYams, "\(text)")
        }
        #expect(!Self.compose("a: 1\nb: 2\n").needsYams)
    }

    @Test func repeatedKeysAreYamsDiagnostics() throws {
        let repeated = try Self.problem("gen-collections: 1\nname: x\nname: y\nflows: []\n")
        #expect(repeated.id == "spec-duplicate-key")
        #expect(repeated.location?.line == 3)
        let tagged = try Self.problem("gen-collections: 1\nname: x\n!!str name: y\nflows: []\n")
        #expect(tagged.id == "spec-duplicate-key")
    }

    @Test func keysThatYamsTellsApartStand() throws {
        // `1` is an integer and `"1"` a string to Yams' resolver: two headers, and the tree is the composer's.
        let text = """
            gen-collections: 1
            name: x
            hosts: {api: https://api.example.com}
            headerSets:
              h:
                1: one
                "1": "one again"
            flows: []

            """
        let (spec, _) = try SpecLoader.load(text, file: "s.yaml")
        #expect(spec.headerSets.first?.headers.map(\.value.value) == ["one", "one again"])
    }

    @Test func aSyntaxErrorComesBeforeABrokenLimit() throws {
        let deep = String(repeating: "[", count: 101) + String(repeating: "]", count: 101)
        #expect(try Self.problem("gen-collections: 1\nx: \(deep)\nflows: []\n").id == "spec-too-deep")
        let both = try Self.problem("gen-collections: 1\nx: \(deep)\nname: [x\n")
        #expect(both.id == "spec-yaml-syntax")
        #expect(both.location?.line == 4)
    }

    @Test func syntaxErrorsAndSecondDocumentsAreYamsDiagnostics() throws {
        let syntax = try Self.problem("gen-collections: 1\nname: [x\n")
        #expect(syntax.id == "spec-yaml-syntax")
        let second = try Self.problem("gen-collections: 1\nname: x\nflows: []\n---\nname: y\n")
        #expect(second.id == "spec-yaml-syntax")
        #expect(second.message.contains("expected a single document"))
        let alias = try Self.problem("gen-collections: 1\nname: *x\nflows: []\n")
        #expect(alias.message.contains("found undefined alias"))
    }
}
