import Foundation
import GenCollectionsFuzzTargets
import GenCollectionsTestSupport
import Testing

/// Every fuzz seed (`Tests/Fuzz/Corpus/<target>/`) and every input the fuzzer found a problem with
/// (`Tests/Fuzz/Regressions/<target>/`) goes through the same calls as under libFuzzer (`FuzzTargets`): a crash
/// here is a crash there, and a fixed finding stays fixed.
@Suite struct FuzzCorpusTests {
    static let root = PackagePaths.root.appendingPathComponent("Tests/Fuzz")

    static let inputs: [String] = FuzzTargets.names.flatMap { target in
        ["Corpus", "Regressions"].flatMap { kind in
            let folder = root.appendingPathComponent("\(kind)/\(target)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { "\(kind)/\(target)/\($0)" }
        }
    }

    @Test func everyTargetHasSeeds() {
        for target in FuzzTargets.names {
            #expect(Self.inputs.contains { $0.hasPrefix("Corpus/\(target)/") }, "no seed for \(target)")
        }
    }

    @Test(arguments: inputs)
    func inputRunsThroughItsTarget(_ path: String) throws {
        let target = path.split(separator: "/")[1]
        let bytes = [UInt8](try Data(contentsOf: Self.root.appendingPathComponent(path)))
        FuzzTargets.run(String(target), bytes)
    }
}
