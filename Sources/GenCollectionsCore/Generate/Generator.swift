import GenCollectionsBase
import Foundation

/// The generate pipeline: a loaded spec (and optionally the bank's helper environment file) in, the files of the
/// bundle out, in memory. Callers write them with `ArtifactWriter`.
public enum Generator {
    public struct Options: Sendable {
        /// Also emit the steps and flows the spec marks `unsupported`.
        public var includeUnsupported: Bool
        public var helperEnvironment: HelperEnvironment?
        /// Which spec and helper file made the bundle, written as `gen-collections.bundle.json` when given.
        public var record: BundleRecord?
        /// Make the files' bytes in memory with their JSON values at hand (`Artifact.json`), for `check` and `sync`
        /// to compare with the files on disk. Without them the collection is translated folder by folder while it
        /// is written (`Artifact.stream`), so a large one is never in memory whole.
        public var keepsJSONValues: Bool
        /// The collection file found in the output folder (`check`, `sync`). When the collection would be written
        /// byte for byte as it is, they are compared folder by folder and the collection's value is made only if
        /// asked for (`Artifact.makeJSON`): an untouched bundle's collection is never in memory as a value.
        public var collectionOnDisk: Data?

        public init(
            includeUnsupported: Bool = false, helperEnvironment: HelperEnvironment? = nil, record: BundleRecord? = nil,
            keepsJSONValues: Bool = true
        ) {
            self.includeUnsupported = includeUnsupported
            self.helperEnvironment = helperEnvironment
            self.record = record
            self.keepsJSONValues = keepsJSONValues
        }
    }

    /// File names of a spec's bundle.
    public static func collectionFile(for spec: Spec) -> String { "\(spec.name.value).postman_collection.json" }
    public static func environmentFile(for spec: Spec) -> String { "\(spec.name.value).postman_environment.json" }

    public static func collection(for spec: Spec, options: Options = Options()) -> Postman.Collection {
        CollectionTranslator(spec: spec, includeUnsupported: options.includeUnsupported).translate()
    }

    public static func environment(for spec: Spec, options: Options = Options()) -> Postman.Environment {
        EnvironmentTranslator(
            spec: spec.usingHosts(from: options.helperEnvironment), helper: options.helperEnvironment,
            includeUnsupported: options.includeUnsupported
        )
        .translate()
    }

    /// The environment file; private (mode 0600) when a secret has a value, e.g. `basicToken` from the helper file.
    static func environmentArtifact(for spec: Spec, options: Options) throws -> Artifact {
        let environment = environment(for: spec, options: options)
        return Artifact(
            path: environmentFile(for: spec), json: environment.json, isPrivate: environment.holdsSecretValue)
    }

    /// Every file of the bundle, in a stable order: collection, environment, certificate settings (when the spec
    /// has `tls`, for the hosts as the helper file sets them), runner script and its plan, and the record of what
    /// made it.
    /// - Throws: `DiagnosticsError` when the spec's certificate hosts cannot become Newman match patterns.
    public static func artifacts(for spec: Spec, options: Options = Options()) throws -> [Artifact] {
        let unsupported = options.includeUnsupported
        let translator = CollectionTranslator(spec: spec, includeUnsupported: unsupported)
        var collection: Artifact
        if !options.keepsJSONValues {
            collection = Artifact(path: collectionFile(for: spec)) { translator.write(toFile: $0) }
        } else if let file = options.collectionOnDisk, translator.writes(file) {
            collection = Artifact(path: collectionFile(for: spec), contents: file)
            collection.makeJSON = { translator.translate().json }
        } else {
            collection = Artifact(path: collectionFile(for: spec), json: translator.translate().json)
        }
        var environment = try environmentArtifact(for: spec, options: options)
        if !options.keepsJSONValues { environment.json = nil }
        return [collection, environment]
            + (try CertificateSettings.artifacts(
                for: spec.usingHosts(from: options.helperEnvironment), includeUnsupported: unsupported))
            + (try RunnerScript.artifacts(
                for: spec, collectionFile: collectionFile(for: spec),
                environmentFile: environmentFile(for: spec), includeUnsupported: unsupported))
            + (options.record.map { [$0.artifact] } ?? [])
    }
}
