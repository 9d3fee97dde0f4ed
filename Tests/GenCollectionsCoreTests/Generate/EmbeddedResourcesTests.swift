import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// `specs/` and `templates/` are the one source of truth; the compiled-in copy must match them.
@Suite struct EmbeddedResourcesTests {
    @Test(.enabled(if: Shell.has("python3"), "needs python3 to run scripts/embed-resources"))
    func compiledInCopyIsCurrent() throws {
        let committed = PackagePaths.root.appendingPathComponent(
            "Sources/GenCollectionsCore/Embedded/EmbeddedResources.swift")
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("embedded-\(UUID().uuidString).swift")
        defer { try? FileManager.default.removeItem(at: fresh) }
        let result = Shell.run(
            PackagePaths.root.appendingPathComponent("scripts/embed-resources").path, [fresh.path],
            directory: PackagePaths.root)
        #expect(result.status == 0, "\(result.error)")
        Golden.assertMatches(try Data(contentsOf: fresh), golden: committed)
    }

    @Test func defaultSpecIsEmbedded() {
        #expect(DefaultSpec.text.hasPrefix("# gen-collections spec"))
    }
}
