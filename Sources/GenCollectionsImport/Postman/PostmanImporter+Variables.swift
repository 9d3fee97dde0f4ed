import GenCollectionsBase
import GenCollectionsCore

extension PostmanImporter {
    /// The spec's variables: the collection's, then the environment file's, then every other `{{name}}` the
    /// requests use (with no value), except what the flow captures itself. Secret values are not written.
    mutating func variables(
        _ collectionVariables: JSONValue?, generated: [(name: String, generator: Spec.Variable.Generator)]
    ) -> [Spec.Variable] {
        var variables: [Spec.Variable] = []
        func index(_ name: String) -> Int? { variables.firstIndex { $0.name.value == name } }
        func add(_ entry: JSONValue, at pointer: JSONPointer, in source: SourceDocument) {
            guard let name = entry["key"]?.text, entry["disabled"] != .bool(true), entry["enabled"] != .bool(false)
            else { return }
            guard !name.isEmpty, !name.contains("{"), !name.contains("}"), !name.hasPrefix("$") else {
                diagnostics.append(
                    .warning(
                        "import-not-carried", "the variable \(ItemText.quote(name)) cannot be declared in a spec",
                        at: source.location(pointer),
                        hint: "names may not be empty, contain '{' or '}' or start with '$'"))
                return
            }
            let secret = entry["type"]?.text == "secret"
            let value = entry["value"].flatMap {
                $0.text ?? (Self.isNumberOrBool($0) ? $0.rendered() : nil)
            }
            var variable = index(name).map { variables[$0] } ?? Spec.Variable(name: Located(name))
            if secret {
                variable.secret = true
                variable.value = nil
                if value?.isEmpty == false {
                    diagnostics.append(
                        .warning(
                            "import-secret-dropped",
                            "the value of the secret variable \(ItemText.quote(name)) is not written",
                            at: source.location(pointer / "value"),
                            hint:
                                "secrets stay out of specs: the environment types it secret; give the value at run time"
                        ))
                }
            } else if let value, !value.isEmpty {
                variable.value = value
            }
            if let description = ItemText.description(entry["description"]) { variable.description = description }
            if let at = index(name) { variables[at] = variable } else { variables.append(variable) }
        }
        for (offset, entry) in (collectionVariables?.items ?? []).enumerated() {
            add(entry, at: .root / "variable" / offset, in: document)
        }
        if let environment {
            for (offset, entry) in (environment.value["values"]?.items ?? []).enumerated() {
                add(entry, at: .root / "values" / offset, in: environment)
            }
        }
        for (name, generator) in generated {
            var variable = index(name).map { variables[$0] } ?? Spec.Variable(name: Located(name))
            variable.generate = generator
            variable.value = nil
            variable.secret = false
            variable.from = []
            if let at = index(name) { variables[at] = variable } else { variables.append(variable) }
        }
        for name in referenced
        where index(name) == nil && !captured.contains(name) && !name.hasPrefix("$") && !name.contains("{")
            && !name.contains("}") && !name.isEmpty
        {
            variables.append(Spec.Variable(name: Located(name)))
        }
        for name in referenced where name.hasPrefix("$") && !Self.dynamicVariables.contains(name) {
            diagnostics.append(
                .warning(
                    "import-dynamic-variable", "the dynamic variable {{\(name)}} is not one a spec may use",
                    at: document.location(.root),
                    hint: "replace it with one of \(Self.dynamicVariables.sorted().joined(separator: ", ")) "
                        + "or a generated variable; the spec does not load until then"))
        }
        return variables
    }

    static let dynamicVariables: Set<String> = [
        "$guid", "$randomUUID", "$timestamp", "$isoTimestamp", "$randomInt", "$randomAlphaNumeric", "$randomBoolean",
    ]

    /// Variables that start a URL and hold one become hosts (the certificate settings look there).
    func hosts(from variables: inout [Spec.Variable]) -> [Spec.Host] {
        var hosts: [Spec.Host] = []
        variables.removeAll { variable in
            guard urlStarts.contains(variable.name.value), variable.generate == nil, !variable.secret,
                let value = variable.value, value.hasPrefix("https://") || value.hasPrefix("http://")
            else { return false }
            hosts.append(Spec.Host(name: variable.name, url: Located(value), description: variable.description))
            return true
        }
        return hosts
    }

    /// Postman stores some variable values as numbers or booleans; they are the text they show.
    static func isNumberOrBool(_ value: JSONValue) -> Bool {
        switch value {
        case .bool, .number: return true
        default: return false
        }
    }
}
