import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// Every generated collection validates against the official Postman v2.1.0 schema (Python `jsonschema`), and every
/// generated script passes `node --check`. Each check reports a skip when its tool is missing, and never passes then.
@Suite struct GeneratedFilesValidityTests {
    static let schema = PackagePaths.postmanCollectionSchema

    static let hasJSONSchema = Shell.run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status == 0
    static let hasNode = Shell.has("node")

    /// Every bundled bank's bundle, with and without unsupported steps, and every fixture bundle.
    static func allCollections() throws -> [(name: String, collection: Postman.Collection)] {
        var collections: [(String, Postman.Collection)] = []
        for bank in BundledBank.all {
            let spec = try bank.load()
            collections.append((bank.name, Generator.collection(for: spec)))
            collections.append(
                ("\(bank.name)+unsupported", Generator.collection(for: spec, options: .init(includeUnsupported: true))))
        }
        for name in GenerateGoldenTests.cases {
            let folder = Golden.fixtures.appendingPathComponent("Generate/\(name)")
            let text = try String(contentsOf: folder.appendingPathComponent("spec.yaml"), encoding: .utf8)
            collections.append(
                (
                    name,
                    Generator.collection(
                        for: try SpecLoader.load(text, file: "spec.yaml").spec,
                        options: .init(includeUnsupported: true))
                ))
        }
        return collections
    }

    @Test(
        .enabled(
            if: hasJSONSchema,
            "needs python3 with jsonschema (apt-get install python3-jsonschema, or pip install jsonschema)"))
    func collectionsValidateAgainstOfficialSchema() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var files: [String] = []
        for (name, collection) in try Self.allCollections() {
            let file = scratch.appendingPathComponent("\(name).json")
            try collection.json.data(.canonical).write(to: file)
            files.append(file.path)
        }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            failures = 0
            for path in sys.argv[2:]:
                for error in jsonschema.Draft4Validator(schema).iter_errors(json.load(open(path))):
                    failures += 1
                    print(path, list(error.path), error.message[:200])
            print(f"checked {len(sys.argv) - 2} collections, {failures} schema errors")
            sys.exit(1 if failures else 0)
            """
        let result = Shell.run("/usr/bin/env", ["python3", "-c", script, Self.schema.path] + files)
        #expect(result.status == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("checked \(files.count) collections, 0 schema errors"))
    }

    @Test(.enabled(if: hasNode, "needs node"))
    func scriptsPassNodeCheck() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("scripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var count = 0
        for (name, collection) in try Self.allCollections() {
            for (index, script) in Self.scripts(in: collection).enumerated() {
                // Wrapped in a function, as the sandbox runs each script in its own scope.
                let file = scratch.appendingPathComponent("\(name)-\(index).js")
                try ("(function () {\n" + script.joined(separator: "\n") + "\n})();\n").write(
                    to: file, atomically: true, encoding: .utf8)
                let result = Shell.run("/usr/bin/env", ["node", "--check", file.path])
                #expect(result.status == 0, "\(name) script \(index): \(result.error)")
                count += 1
            }
        }
        #expect(count > 10)
    }

    static func scripts(in collection: Postman.Collection) -> [[String]] {
        func walk(_ items: [Postman.Item]) -> [[String]] {
            items.flatMap { item in (item.events ?? []).map(\.lines) + walk(item.items ?? []) }
        }
        return (collection.events ?? []).map(\.lines) + walk(collection.items)
    }
}
