import ArgumentParser
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
}
