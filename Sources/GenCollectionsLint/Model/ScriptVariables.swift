/// Variable names scripts write and read, found by scanning for the `pm` calls with a literal name.
public struct ScriptVariables: Sendable {
    /// Names set by `pm.{environment,collectionVariables,globals,variables}.set('name', …)` or
    /// `postman.set{Environment,Global}Variable('name', …)`.
    public var sets: Set<String> = []
    /// Names read by `.get('name')`, `.has('name')`, `.unset('name')`, `postman.get…Variable('name')`, or
    /// mentioned as `{{name}}` (for `pm.variables.replaceIn`).
    public var reads: Set<String> = []

    private static let scopes = ["environment", "collectionVariables", "globals", "variables", "iterationData"]

    init(scripts: [Script]) {
        for script in scripts {
            let text = script.text
            for scope in Self.scopes {
                sets.formUnion(Self.firstArguments(in: text, after: "\(scope).set("))
                for call in ["get(", "has(", "unset("] {
                    reads.formUnion(Self.firstArguments(in: text, after: "\(scope).\(call)"))
                }
            }
            for call in ["setEnvironmentVariable(", "setGlobalVariable("] {
                sets.formUnion(Self.firstArguments(in: text, after: "postman.\(call)"))
            }
            for call in ["getEnvironmentVariable(", "getGlobalVariable("] {
                reads.formUnion(Self.firstArguments(in: text, after: "postman.\(call)"))
            }
            reads.formUnion(VariableScanner.tokens(in: text))
        }
    }

    /// The literal first arguments (in ', " or `) of every call that starts with `prefix`.
    static func firstArguments(in text: String, after prefix: String) -> [String] {
        guard text.contains(prefix) else { return [] }
        var names: [String] = []
        var rest = Substring(text)
        while let range = rest.range(of: prefix) {
            rest = rest[range.upperBound...]
            let trimmed = rest.drop { $0 == " " }
            guard let quote = trimmed.first, quote == "'" || quote == "\"" || quote == "`" else { continue }
            let body = trimmed.dropFirst()
            guard let end = body.firstIndex(of: quote) else { continue }
            let name = body[..<end]
            if !(quote == "`" && name.contains("${")) { names.append(String(name)) }
        }
        return names
    }
}
