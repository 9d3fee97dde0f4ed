import GenCollectionsBase
import GenCollectionsCore

/// What an importer gives: the spec, and what it could not carry over or changed on the way (warnings).
public struct ImportResult: Sendable {
    public var spec: Spec
    public var diagnostics: [Diagnostic]

    public init(spec: Spec, diagnostics: [Diagnostic]) {
        self.spec = spec
        self.diagnostics = diagnostics
    }
}

/// Hands out names and keys that are unique in the spec, as the spec requires of steps and flows: the second
/// `Get account` becomes `Get account (2)`.
struct UniqueNames {
    private var taken: Set<String> = []

    func isTaken(_ name: String) -> Bool { taken.contains(name) }

    /// `name`, or `name (n)` with the first free n.
    mutating func claim(_ name: String) -> String {
        var candidate = name
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(name) (\(counter))"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// A kebab-case key from `name` (`fallback` when it has no letters or digits), unique in this set.
    mutating func claimKey(for name: String, fallback: String) -> String {
        let base = Spec.defaultKey(for: name)
        var candidate = base.isEmpty ? fallback : base
        let stem = candidate
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(stem)-\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
