import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsLint

/// What each fuzz target does with one input: the same calls a user's file goes through. A crash, a sanitizer
/// report or a broken property (`fuzzCheck`) is a finding; errors and diagnostics are the expected outcome.
/// The libFuzzer harness (`Tests/Fuzz/Harness`) calls it, and `FuzzCorpusTests` runs the seed corpus and every
/// regression through it in `swift test`.
public enum FuzzTargets {
    public static let names = ["spec", "json", "helper-env", "lint"]

    public static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "spec": spec(bytes)
        case "json": json(bytes)
        case "helper-env": helperEnvironment(bytes)
        case "lint": lint(bytes)
        default: fatalError("unknown fuzz target '\(target)'; use one of \(names.joined(separator: ", "))")
        }
    }

    /// The spec loader, and the generator on every spec it accepts.
    static func spec(_ bytes: [UInt8]) {
        guard let (spec, _) = try? SpecLoader.load(String(decoding: bytes, as: UTF8.self), file: "fuzz.yaml") else {
            return
        }
        _ = try? Generator.artifacts(for: spec, options: .init(includeUnsupported: true))
    }

    /// The JSON reader and the shared policy on top of it; a value it accepts must render back to the same value.
    static func json(_ bytes: [UInt8]) {
        if let document = try? JSONReader.parse(bytes), document.nodeCount > 0 {
            _ = document.pointer(of: document.nodeCount - 1)
        }
        guard let value = try? JSONValue(json: Data(bytes)) else { return }
        let again = try? JSONValue(json: Data(value.rendered().utf8))
        fuzzCheck(again == value, "JSONValue(json:): rendering then parsing changed the value")
    }

    /// The helper-API environment file, as `--env` and `fetch-env` read it.
    static func helperEnvironment(_ bytes: [UInt8]) {
        _ = try? HelperEnvironment(data: Data(bytes), file: "fuzz.postman_environment.json")
    }

    /// The linter's public entry point, with every rule.
    static func lint(_ bytes: [UInt8]) {
        _ = Linter().lint(file: "fuzz.postman_collection.json", bytes: bytes)
    }

    static func fuzzCheck(_ condition: Bool, _ message: String) {
        if !condition { fatalError(message) }
    }
}
