import GenCollectionsBase

/// Spec (+ the helper file) → Postman environment: every variable the collection needs that no script sets.
struct EnvironmentTranslator {
    /// The spec with its hosts as used (`Spec.usingHosts(from:)`).
    let spec: Spec
    let helper: HelperEnvironment?
    let includeUnsupported: Bool

    func translate() -> Postman.Environment {
        var values: [Postman.Variable] = []
        for host in spec.hosts {
            values.append(
                .init(
                    key: host.name.value, value: host.url.value,
                    type: "default", description: host.description))
        }
        for variable in spec.variables where variable.generate == nil {
            let given = helper?.value(for: variable.from) ?? variable.value
            values.append(
                .init(
                    key: variable.name.value, value: given ?? "", type: variable.secret ? "secret" : "default",
                    description: variable.description))
        }
        var declared = Set(values.compactMap(\.key))
        // Values that come from outside the collection: the registration JWT and the PSU's auth codes.
        if let registration = spec.registration, !declared.contains(registration.bodyVariable) {
            declared.insert(registration.bodyVariable)
            values.append(
                .init(
                    key: registration.bodyVariable, value: "", type: "default",
                    description: "The signed registration JWT; `gen-collections register --environment` fills it"))
        }
        for flow in spec.includedFlows(includeUnsupported: includeUnsupported) {
            for consent in flow.steps.compactMap(\.consent) where !declared.contains(consent.codeVariable) {
                declared.insert(consent.codeVariable)
                values.append(
                    .init(
                        key: consent.codeVariable, value: "", type: "secret",
                        description: "The authorisation code from the PSU redirect; run-newman.sh sets it"))
            }
        }
        // Every variable enabled: Newman ignores `enabled: false`, so a variable written is a variable used.
        for index in values.indices { values[index].enabled = true }
        return Postman.Environment(
            id: PostmanJSON.stableID("\(spec.name.value)/environment"), name: spec.title, values: values)
    }
}
