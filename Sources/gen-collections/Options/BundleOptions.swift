import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// The options `generate`, `check` and `sync` share: which spec or bank, which helper file, which folder.
struct BundleOptions: ParsableArguments {
    @OptionGroup var source: SpecSourceOptions

    @Option(
        name: .long,
        help: "The bank's helper-API environment file; its values fill variables through their 'from' keys.")
    var env: String?

    @Option(name: .long, help: "The output folder.")
    var out: String = "output"

    @Flag(name: .long, help: "Also generate the steps the spec marks as unsupported by the bank.")
    var includeUnsupported = false

    @OptionGroup var limits: InputLimitOptions

    /// The bundle, generated in memory, with the record of its spec and helper file; prints the problems and exits
    /// 1 on an invalid spec or helper file, 66 when one cannot be read.
    /// - Parameters:
    ///   - usingRecord: without --spec and --bank, take the spec (and, without --env, the helper file) from the
    ///     record in the output folder (`check`, `sync`); `generate` uses the default bank instead.
    ///   - keepingValues: keep the JSON values in the artifacts, to compare them with the files (`check`, `sync`).
    func generate(usingRecord: Bool = false, keepingValues: Bool = false) throws -> [Artifact] {
        try generated(usingRecord: usingRecord, keepingValues: keepingValues).artifacts
    }

    /// `generate`'s artifacts and, when keeping values, the collection file found in `out` if it could be read (read
    /// first, so that an untouched collection is compared as it is made instead of held as a value; see
    /// `Generator.Options.collectionOnDisk`).
    private func generated(
        usingRecord: Bool, keepingValues: Bool
    ) throws -> (
        artifacts: [Artifact], collectionOnDisk: (path: String, data: Data)?
    ) {
        let recorded = usingRecord ? try source.record(in: out) : nil
        let spec = try source.load(limit: limits.bytes, record: recorded, in: out)
        var record =
            recorded
            ?? BundleRecord(
                bank: source.bank ?? BundledBank.defaultName, spec: source.spec, helperFile: nil, folder: out)
        if let env { record.helperFile = BundleRecord.relativePath(of: env, from: out) }
        let env = self.env ?? recorded?.helperFile.map { BundleRecord.resolve($0, in: out) }
        var options = Generator.Options(
            includeUnsupported: includeUnsupported, record: record, keepsJSONValues: keepingValues)
        do {
            if let env {
                let helper = try HelperEnvironment(
                    data: try readInput(env, what: "environment file", limit: limits.bytes), file: env)
                try reportHostMoves(HostMoves.problems(in: spec, helper: helper))
                options.helperEnvironment = helper
            }
            let collectionFile = Generator.collectionFile(for: spec)
            let path = URL(fileURLWithPath: out).appendingPathComponent(collectionFile).path
            // Unreported here: `load` reads the file again, after the generator's own errors, when this fails.
            if keepingValues { options.collectionOnDisk = try? InputFile.read(path, maximumSize: limits.bytes) }
            return (
                try Generator.artifacts(for: spec, options: options),
                options.collectionOnDisk.map { (collectionFile, $0) }
            )
        } catch let error as DiagnosticsError {
            report(error.diagnostics)
            throw ExitStatus.failure
        }
    }

    /// The bundle generated in memory and the files of it found in `out`; exits 66 when an input or the folder
    /// cannot be read (a missing file in an existing folder is drift, not an error).
    func load() throws -> (generated: [Artifact], onDisk: [String: Data]) {
        let (generated, collectionOnDisk) = try generated(usingRecord: true, keepingValues: true)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), isFolder.boolValue else {
            printError(
                "\(out): error: cannot read the output folder: no such folder; "
                    + "run 'gen-collections generate --out \(out)' first [input-unreadable]")
            throw ExitStatus.noInput
        }
        var onDisk: [String: Data] = [:]
        for artifact in generated {
            if let collectionOnDisk, artifact.path == collectionOnDisk.path {
                onDisk[artifact.path] = collectionOnDisk.data
                continue
            }
            let path = URL(fileURLWithPath: out).appendingPathComponent(artifact.path).path
            if FileManager.default.fileExists(atPath: path) {
                onDisk[artifact.path] = try readInput(path, what: "bundle file", limit: limits.bytes)
            }
        }
        return (generated, onDisk)
    }
}
