import GenCollectionsBase

/// Rebuilds an environment file from the newly generated one, keeping the values users filled in.
///
/// Variables follow the spec's order. A variable keeps the file's value when the file has a non-empty value and
/// the spec's is empty (the user filled it in); when the spec sets a value itself, the spec wins and a conflict
/// says the file's value was replaced (values are never printed). An edited description is kept. Variables the
/// spec does not know are kept at the end (the drift report lists them as `kept`).
struct EnvironmentMerger {
    /// The file name, for findings.
    let file: String
    /// Values of the file replaced by the spec's.
    private(set) var conflicts: [Drift.Finding] = []

    /// A merger for the environment file `file`.
    init(file: String) { self.file = file }

    /// The merged environment.
    mutating func merge(generated: JSONValue, disk: JSONValue) -> JSONValue {
        var root = CollectionMerger.withUserMembers(
            generated, from: disk, owned: ["id", "name", "values", "_postman_variable_scope"])
        let specValues = generated["values"]?.items ?? []
        let fileValues = disk["values"]?.items ?? []
        var values: [JSONValue] = []
        for variable in specValues {
            guard let key = variable["key"]?.text, let found = fileValues.first(where: { $0["key"]?.text == key })
            else {
                values.append(variable)
                continue
            }
            var merged = CollectionMerger.withUserMembers(
                variable, from: found,
                owned: ["key", "value", "type", "enabled", "description"])
            let (specValue, fileValue) = (variable["value"]?.text ?? "", found["value"]?.text ?? "")
            if !fileValue.isEmpty && specValue.isEmpty {
                merged["value"] = .string(fileValue)
            } else if !fileValue.isEmpty && fileValue != specValue {
                conflicts.append(
                    .init(
                        file: file, field: "variable \(key)", change: .conflict,
                        detail: "the file's value was replaced by the spec's "
                            + "(set it in the spec, or leave the spec's value empty)"
                    ))
            }
            merged["description"] = CollectionMerger.description(
                generated: variable["description"], file: found["description"])
            values.append(merged)
        }
        let userValues = fileValues.filter { variable in
            variable["key"]?.text != nil && !specValues.contains { $0["key"] == variable["key"] }
        }
        let dropped = fileValues.filter { $0["key"]?.text == nil }.count
        if dropped > 0 {
            conflicts.append(
                .init(
                    file: file, field: "values", change: .conflict,
                    detail: "dropped \(dropped) entries that are not variables (no string key)"))
        }
        values += userValues
        root["values"] = .array(values)
        return root
    }
}
