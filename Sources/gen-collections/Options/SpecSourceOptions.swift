import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Which spec a command reads: a file (`--spec`), a bundled bank (`--bank`), or else the default bank.
struct SpecSourceOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The spec file (YAML). Default: the default bank (\(BundledBank.defaultName)).", valueName: "file"))
    var spec: String?

    @Option(
        help: ArgumentHelp(
            "A bundled bank instead of a spec file; 'gen-collections banks' lists them.", valueName: "name"),
        completion: .list(BundledBank.all.map(\.name)))
    var bank: String?

    func validate() throws {
        if spec != nil, bank != nil {
            throw ValidationError("give --spec FILE or --bank NAME, not both")
        }
        if let bank, BundledBank.named(bank) == nil { throw ValidationError(BundledBank.unknownBankMessage(bank)) }
    }

    /// Loads the spec; prints warnings, exits 1 on errors and 66 when the file cannot be read.
    /// - Parameter limit: the largest spec file read (`--max-input-size`).
    func load(limit: Int = InputFile.defaultMaximumSize) throws -> Spec {
        if let bank { return try loadSpec(bundled: BundledBank.named(bank) ?? .default) }
        return try loadSpec(spec, limit: limit)
    }

    /// The record of the bundle in `folder` (`gen-collections.bundle.json`), when neither --spec nor --bank is
    /// given and the folder has one; exits 1 when it is not a record, 66 when it cannot be read.
    func record(in folder: String) throws -> BundleRecord? {
        guard spec == nil, bank == nil else { return nil }
        let path = (folder as NSString).appendingPathComponent(BundleRecord.file)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try BundleRecord(data: try readInput(path, what: "bundle record"), file: path)
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitStatus.failure
        }
    }

    /// Loads the spec `record` names (a bundled bank, or a file relative to `folder`), else as `load(limit:)`.
    func load(limit: Int = InputFile.defaultMaximumSize, record: BundleRecord?, in folder: String) throws -> Spec {
        switch record?.source {
        case nil:
            return try load(limit: limit)
        case let .bank(name)?:
            guard let bank = BundledBank.named(name) else {
                printError(
                    "\((folder as NSString).appendingPathComponent(BundleRecord.file)): error: "
                        + BundledBank.unknownBankMessage(name) + " [bundle-record-invalid]")
                throw ExitStatus.failure
            }
            return try loadSpec(bundled: bank)
        case let .spec(path)?:
            return try loadSpec(BundleRecord.resolve(path, in: folder), limit: limit)
        }
    }
}
