import GenCollectionsBase
import Foundation

/// The generate pipeline: a loaded spec (and optionally the bank's helper environment file) in, the files of the
/// bundle out, in memory. Callers write them with `ArtifactWriter`.
public enum Generator {
    public struct Options: Sendable {
        /// Also emit the steps and flows the spec marks `unsupported`.
        public var includeUnsupported: Bool
        public var helperEnvironment: HelperEnvironment?

        public init(includeUnsupported: Bool = false, helperEnvironment: HelperEnvironment? = nil) {
            self.includeUnsupported = includeUnsupported
            self.helperEnvironment = helperEnvironment
        }
    }

    /// File names of a spec's bundle.
    public static func collectionFile(for spec: Spec) -> String { "\(spec.name.value).postman_collection.json" }
    public static func environmentFile(for spec: Spec) -> String { "\(spec.name.value).postman_environment.json" }

    public static func collection(for spec: Spec, options: Options = Options()) -> PostmanCollection {
        CollectionTranslator(spec: spec, includeUnsupported: options.includeUnsupported).translate()
    }

    public static func environment(for spec: Spec, options: Options = Options()) -> PostmanEnvironment {
        EnvironmentTranslator(
            spec: spec, helper: options.helperEnvironment, includeUnsupported: options.includeUnsupported
        )
        .translate()
    }

    /// Every file of the bundle, in a stable order: collection, environment, certificate settings (when the spec
    /// has `tls`), runner script and its plan.
    /// - Throws: `DiagnosticsError` when the spec's certificate hosts cannot become Newman match patterns.
    public static func artifacts(for spec: Spec, options: Options = Options()) throws -> [Artifact] {
        let unsupported = options.includeUnsupported
        return [
            Artifact(
                path: collectionFile(for: spec),
                contents: try PostmanJSON.encode(collection(for: spec, options: options))),
            Artifact(
                path: environmentFile(for: spec),
                contents: try PostmanJSON.encode(environment(for: spec, options: options))),
        ]
            + (try CertificateSettings.artifacts(for: spec, includeUnsupported: unsupported))
            + (try RunnerScript.artifacts(
                for: spec, collectionFile: collectionFile(for: spec),
                environmentFile: environmentFile(for: spec), includeUnsupported: unsupported))
    }
}
