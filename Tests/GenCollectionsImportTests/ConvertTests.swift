import Foundation
import GenCollectionsBase
import GenCollectionsTestSupport
import Testing

@testable import GenCollectionsImport

/// `convert`: v2.1 ↔ v2.0 re-lays auth parameters and nothing else; outputs validate against the official schemas.
@Suite struct ConvertTests {
    static let schemas = PackagePaths.root.appendingPathComponent("../shared/reference/postman").standardizedFileURL
    static let hasJSONSchema = Shell.run("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status == 0
    static let collections = [
        "output/monese-sandbox.postman_collection.json",
        "Tests/GenCollectionsImportTests/Fixtures/Postman/every-mode.postman_collection.json",
        "Tests/GenCollectionsLintTests/Fixtures/RealWorld/ozone-model-bank/UK OBL v3.1.11.postman_collection.json",
    ]

    static func convert(
        _ path: String, to format: CollectionConverter.Format, style: CollectionConverter.Style = .postman
    )
        throws -> CollectionConverter.Result
    {
        try CollectionConverter.convert(
            Data(contentsOf: ImportFixtures.url(path)), file: path, to: format, style: style)
    }

    /// v2.1 → v2.0 → v2.1 gives the original document back, value for value.
    @Test(arguments: collections)
    func roundTripIsLossless(path: String) throws {
        let original = try JSONValue(json: Data(contentsOf: ImportFixtures.url(path)))
        let v20 = try Self.convert(path, to: .v20)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try v20.data.write(to: scratch)
        let back = try CollectionConverter.convert(v20.data, file: scratch.path, to: .v21)
        // Equal as JSON (objects as sets of members: a re-laid parameter is written key, value, type).
        #expect(
            CollectionConverter.sortedKeys(try JSONValue(json: back.data))
                == CollectionConverter.sortedKeys(original))
        #expect(v20.diagnostics.isEmpty, "\(v20.diagnostics)")
        // v2.0 auth is an object of parameters.
        let text = String(decoding: v20.data, as: UTF8.self)
        #expect(text.contains("collection/v2.0.0/collection.json"))
    }

    /// The Ozone collection as the Postman app exported it (tabs, the app's key order, no final newline).
    @Test func anAppExportConvertsToItselfByteForByte() throws {
        let path = Self.collections[2]
        #expect(try Self.convert(path, to: .v21).data == Data(contentsOf: ImportFixtures.url(path)))
    }

    /// A v2.0.0 collection read and written as v2.0.0 comes back unchanged, byte for byte.
    @Test(arguments: collections)
    func aV20CollectionWrittenAsV20IsUnchanged(path: String) throws {
        let v20 = try Self.convert(path, to: .v20).data
        #expect(try CollectionConverter.convert(v20, file: "v2.0.json", to: .v20).data == v20)
    }

    @Test func outputIsDeterministicAndCanonicalSortsKeys() throws {
        let path = Self.collections[1]
        #expect(try Self.convert(path, to: .v20).data == Self.convert(path, to: .v20).data)
        let canonical = String(decoding: try Self.convert(path, to: .v20, style: .canonical).data, as: UTF8.self)
        #expect(canonical.hasPrefix("{\n  \"event\""))
        #expect(String(decoding: try Self.convert(path, to: .v20).data, as: UTF8.self).hasPrefix("{\n\t\"info\""))
    }

    /// What v2.0 cannot hold is named with its place.
    @Test func lossesAreWarnedWithTheirPlace() throws {
        let text = """
            {"info": {"name": "x", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "r", "request": {"url": "https://a.example", "auth": {"type": "jwt", "jwt": [
               {"key": "isSecretBase64Encoded", "value": "false", "type": "boolean"},
               {"key": "algorithm", "value": "HS256", "type": "string"},
               {"key": "algorithm", "value": "HS512", "type": "string"}]}}}]}
            """
        let result = try CollectionConverter.convert(Data(text.utf8), file: "jwt.json", to: .v20)
        #expect(
            result.diagnostics.map { "\($0.location!.line!):\($0.location!.column!) \($0.message)" } == [
                "2:82 \"jwt\" auth is not in the official schemas' list",
                "3:63 the type \"boolean\" of auth parameter \"isSecretBase64Encoded\" is left out",
                "5:4 auth parameter \"algorithm\" is given twice; the last is kept",
            ])
    }

    @Test(
        .enabled(if: hasJSONSchema, "needs python3 with jsonschema"),
        .enabled(
            if: FileManager.default.fileExists(
                atPath: schemas.appendingPathComponent("collection-v2.0.0.schema.json").path),
            "needs ../shared/reference/postman"),
        arguments: collections)
    func outputsValidateAgainstTheOfficialSchemas(path: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        var pairs: [String] = []
        for (format, schema) in [(CollectionConverter.Format.v20, "v2.0.0"), (.v21, "v2.1.0")] {
            let file = scratch.appendingPathComponent("\(schema).json")
            try Self.convert(path, to: format).data.write(to: file)
            pairs += [Self.schemas.appendingPathComponent("collection-\(schema).schema.json").path, file.path]
        }
        let script = """
            import json, sys, jsonschema
            failures = 0
            for schema, path in zip(sys.argv[1::2], sys.argv[2::2]):
                for error in jsonschema.Draft4Validator(json.load(open(schema))).iter_errors(json.load(open(path))):
                    failures += 1
                    print(path, list(error.absolute_path), error.message[:200])
            sys.exit(1 if failures else 0)
            """
        let result = Shell.run("/usr/bin/env", ["python3", "-c", script] + pairs)
        #expect(result.status == 0, "\(result.output)\(result.error)")
    }
}
