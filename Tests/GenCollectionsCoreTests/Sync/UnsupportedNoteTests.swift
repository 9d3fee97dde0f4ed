import Foundation
import Testing

@testable import GenCollectionsBase
@testable import GenCollectionsCore

/// `generate --include-unsupported` and plain `generate` write different notes in a folder's description (the
/// steps left out, or none). The note is the generator's: comparing one mode's bundle with the other's is drift in
/// that description, never a user edit kept, and sync replaces it.
@Suite struct UnsupportedNoteTests {
    static let spec = try! BundledBank.default.load()

    static func bundle(includeUnsupported: Bool) throws -> [Artifact] {
        try Generator.artifacts(for: spec, options: .init(includeUnsupported: includeUnsupported))
    }

    static func descriptionFindings(_ drift: Drift) -> [Drift.Finding] {
        drift.findings.filter { $0.field == "description" }
    }

    @Test(arguments: [true, false])
    func theOtherModesNoteIsDriftNotAUserEdit(writtenWithUnsupported: Bool) throws {
        let onDisk = SyncFixtures.files(try Self.bundle(includeUnsupported: writtenWithUnsupported))
        let drift = DriftChecker.check(
            generated: try Self.bundle(includeUnsupported: !writtenWithUnsupported), onDisk: onDisk)
        let findings = Self.descriptionFindings(drift)
        #expect(findings.map(\.location) == [["Account information"]])
        #expect(findings.map(\.change) == [.changed])
        #expect(findings.first?.detail?.contains("--include-unsupported") == true)
        #expect(!drift.findings.contains { $0.change == .kept }, "\(drift.text())")
    }

    @Test func syncReplacesTheNote() throws {
        let onDisk = SyncFixtures.files(try Self.bundle(includeUnsupported: true))
        let generated = try Self.bundle(includeUnsupported: false)
        let synced = try BundleSync.sync(generated: generated, onDisk: onDisk)
        let collection = try #require(synced.changed.first { $0.path.hasSuffix(".postman_collection.json") })
        #expect(collection.contents == generated.first { $0.path == collection.path }?.contents)
    }

    @Test func aUserEditBesideTheNoteIsStillKept() throws {
        var onDisk = SyncFixtures.files(try Self.bundle(includeUnsupported: true))
        let path = try #require(onDisk.keys.first { $0.hasSuffix(".postman_collection.json") })
        let text = String(decoding: onDisk[path]!, as: UTF8.self)
        let original = "then accounts and balances."
        #expect(text.contains(original))
        onDisk[path] = Data(text.replacingOccurrences(of: original, with: "then accounts (edited).").utf8)
        let drift = DriftChecker.check(generated: try Self.bundle(includeUnsupported: false), onDisk: onDisk)
        #expect(Self.descriptionFindings(drift).map(\.change) == [.kept])
    }

    @Test func notesAreRemovedFromTheEnd() {
        #expect(UnsupportedNote.removing(from: "Intro.\n\nLeft out, not supported by this bank:\n- X: no") == "Intro.")
        #expect(UnsupportedNote.removing(from: "Not supported by this bank: no") == "")
        #expect(UnsupportedNote.removing(from: "Intro only.") == "Intro only.")
        #expect(!UnsupportedNote.differOnlyInNotes("Intro.", "Intro."))
    }
}
