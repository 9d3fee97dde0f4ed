import ArgumentParser
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsNetwork

/// The spec `register` and `fetch-env` read their defaults from, and `--var` values for its `{{variables}}`.
struct SpecValueOptions: ParsableArguments {
    @OptionGroup var source: SpecSourceOptions

    @Option(
        name: .customLong("var"),
        help: ArgumentHelp("Value for {{name}} in the spec (repeatable).", valueName: "name=value"))
    var variables: [String] = []

    @OptionGroup var limits: InputLimitOptions

    func validate() throws {
        if case let .failure(error) = parseVariables(variables) { throw ValidationError(error.diagnostic.message) }
    }

    /// The spec and a resolver of its `{{variables}}`: `--var` values first, then the spec's hosts and values.
    func load() throws -> (spec: Spec, resolver: SpecValueResolver) {
        let spec = try source.load(limit: limits.bytes)
        return (spec, SpecValueResolver(spec: spec, overrides: try parseVariables(variables).get()))
    }
}
