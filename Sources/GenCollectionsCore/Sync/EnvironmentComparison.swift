import GenCollectionsBase

/// Semantic comparison of a generated environment with an environment file, per variable. Values are never
/// printed: an environment holds secrets.
enum EnvironmentComparison {
    /// Name and per-variable findings.
    static func findings(file: String, generated: JSONValue, disk: JSONValue) -> [Drift.Finding] {
        var root = ItemComparison(file: file, location: [], pointer: "")
        root.compareName(generated: generated, file: disk)
        let spec = generated["values"]?.items ?? []
        let found = disk["values"]?.items ?? []
        for variable in spec {
            let key = variable["key"]?.text ?? ""
            let field = "variable \(key)"
            guard let match = found.first(where: { $0["key"]?.text == key }) else {
                root.add(field, .added)
                continue
            }
            let (specValue, diskValue) = (variable["value"]?.text ?? "", match["value"]?.text ?? "")
            if specValue != diskValue {
                if specValue.isEmpty {
                    root.add(field, .kept, "value filled in")
                } else {
                    root.add(
                        field, .changed, diskValue.isEmpty ? "value empty in the file" : "value differs from the spec's"
                    )
                }
            }
            if (variable["type"]?.text ?? "default") != (match["type"]?.text ?? "default") {
                root.add(
                    field, .changed,
                    "type \(match["type"]?.text ?? "default") in the file, "
                        + "\(variable["type"]?.text ?? "default") from the spec")
            }
            if match["enabled"] == .bool(false) { root.add(field, .changed, "disabled in the file") }
            if PostmanNormalization.description(variable["description"])
                != PostmanNormalization.description(match["description"])
            {
                root.add(
                    "\(field) description",
                    PostmanNormalization.description(match["description"]) == nil ? .added : .kept,
                    nil)
            }
        }
        for variable in found where !spec.contains(where: { $0["key"] == variable["key"] }) {
            if let key = variable["key"]?.text {
                root.add("variable \(key)", .kept, "not in the spec")
            } else {
                root.add("values", .changed, "an entry that is not a variable (no string key)")
            }
        }
        return root.findings
    }
}
