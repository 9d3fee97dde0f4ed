import GenCollectionsBase
import GenCollectionsCore

/// Fills `{{name}}` references in the spec's registration claims and endpoint, outside Postman.
///
/// A name resolves, first match wins, to: a value given on the command line (`--var name=value`), the `url` of
/// the spec's host of that name, or the `value` of the spec's variable of that name. Secret and generated
/// variables have no value here. Values may themselves hold references (up to 8 levels; a cycle stays
/// unresolved). Postman dynamic variables (`{{$guid}}`) are not filled: the claims are signed once, here.
public struct SpecValueResolver: Sendable {
    /// The value of every name this resolver knows.
    public private(set) var values: [String: String]

    /// A resolver over the spec's hosts and variables, with command-line overrides.
    public init(spec: Spec?, overrides: [String: String] = [:]) {
        var values: [String: String] = [:]
        for variable in spec?.variables ?? [] where !variable.secret && variable.generate == nil {
            if let value = variable.value { values[variable.name.value] = value }
        }
        for host in spec?.hosts ?? [] { values[host.name.value] = host.url.value }
        values.merge(overrides) { _, override in override }
        self.values = values
    }

    /// The text with every known reference replaced, and the names that could not be resolved, in order.
    public func resolve(_ text: String) -> (text: String, unresolved: [String]) {
        var unresolved: [String] = []
        let result = substitute(text, depth: 0, unresolved: &unresolved)
        return (result, unresolved)
    }

    /// The value with every string inside resolved, and the names that could not be resolved.
    public func resolve(_ value: JSONValue) -> (value: JSONValue, unresolved: [String]) {
        switch value {
        case let .string(text):
            let (resolved, missing) = resolve(text)
            return (.string(resolved), missing)
        case let .array(items):
            let parts = items.map(resolve)
            return (.array(parts.map(\.value)), parts.flatMap(\.unresolved))
        case let .object(pairs):
            let parts = pairs.map { (key: $0.key, part: resolve($0.value)) }
            return (.object(parts.map { (key: $0.key, value: $0.part.value) }), parts.flatMap(\.part.unresolved))
        default:
            return (value, [])
        }
    }

    private func substitute(_ text: String, depth: Int, unresolved: inout [String]) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let name = String(after[..<close.lowerBound])
            out += rest[..<open.lowerBound]
            if let value = values[name], depth < 8, !name.contains("{") {
                out += substitute(value, depth: depth + 1, unresolved: &unresolved)
            } else {
                if !unresolved.contains(name) { unresolved.append(name) }
                out += "{{\(name)}}"
            }
            rest = after[close.upperBound...]
        }
        return out + rest
    }
}
