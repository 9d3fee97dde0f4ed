import Foundation
import GenCollectionsBase

/// A collection exported with its environment into one folder is run as `newman run c.json -e e.json`, so it is
/// linted the same way: the environments and globals linted in the same run and in the same folder count as
/// `--env` files for every file of that folder (docs/lint.md, "Environments beside a collection").
enum NeighbourEnvironments {
    /// The context of each folder among `targets` that holds an environment or globals file: `base` plus those files'
    /// variables. A file that does not parse adds nothing here; linting it reports why.
    static func contexts(
        for targets: [String], base: LintContext, read: (String) -> [UInt8]?
    ) -> [String: LintContext] {
        var contexts: [String: LintContext] = [:]
        for path in targets {
            guard let suffix = FileName(path).suffix, suffix == .environment || suffix == .globals,
                let bytes = read(path), let found = try? Linter.context(environments: [(path, bytes)])
            else { continue }
            let folder = folder(of: path)
            var context = contexts[folder] ?? base
            context.environmentVariables.formUnion(found.environmentVariables)
            context.disabledEnvironmentVariables.formUnion(found.disabledEnvironmentVariables)
            context.hasEnvironment = true
            contexts[folder] = context
        }
        return contexts
    }

    /// The folder `path` is in, as the walk wrote it (the key of `contexts`).
    static func folder(of path: String) -> String { String(FileName.split(path).folder) }
}
