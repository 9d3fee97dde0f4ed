import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsImport
import GenCollectionsTestSupport

/// Files the import tests read, and the adoption round trip they check.
enum ImportFixtures {
    static let folder = PackagePaths.root.appendingPathComponent("Tests/GenCollectionsImportTests/Fixtures")

    static func url(_ path: String) -> URL { PackagePaths.root.appendingPathComponent(path) }

    /// Imports a collection, loads the written spec back, generates its collection and compares that with the
    /// original file as `check` does. Returns the import, the spec text and the drift findings.
    static func adopt(
        _ path: String, environment: String? = nil
    ) throws -> (
        result: ImportResult, yaml: String, drift: [Drift.Finding]
    ) {
        let file = url(path)
        let bytes = try Data(contentsOf: file)
        let environmentFile = try environment.map { (bytes: try Data(contentsOf: url($0)), file: $0) }
        let result = try PostmanImport.spec(fromCollection: bytes, file: path, environment: environmentFile)
        let yaml = SpecWriter.write(result.spec)
        let spec = try SpecLoader.load(yaml, file: "imported.yaml").spec
        let collection = Generator.collection(for: spec).json.data(.canonical)
        let artifact = Artifact(path: Generator.collectionFile(for: spec), contents: collection)
        let drift = DriftChecker.check(generated: [artifact], onDisk: [artifact.path: bytes])
        return (result, yaml, drift.findings.filter(\.isDrift))
    }

    /// `location: field change` lines, for readable expectations.
    static func lines(_ findings: [Drift.Finding]) -> [String] {
        findings.map { finding in
            (finding.location.isEmpty ? "" : finding.location.joined(separator: " / ") + ": ")
                + "\(finding.field) \(finding.change.rawValue)"
        }
    }
}
