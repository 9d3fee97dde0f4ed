extension Spec {
    /// The flows and steps that go into the generated files: unsupported ones are left out unless asked for.
    /// The collection, the certificate list and the runner all use this one selection.
    public func includedFlows(includeUnsupported: Bool = false) -> [Spec.Flow] {
        flows.compactMap { flow in
            guard includeUnsupported || flow.unsupported == nil else { return nil }
            var flow = flow
            flow.steps = flow.steps.filter { includeUnsupported || $0.unsupported == nil }
            return flow
        }
    }

    /// Host names and ports the collection calls, from the `hosts` defaults (e.g. `rs1.ob.monese.com`).
    public var hostAuthorities: [(name: String, host: String, port: Int?)] {
        hosts.compactMap { host in
            let url = URLParts(host.url.value)
            guard !url.host.isEmpty, !url.host.contains(where: { $0.contains("{{") }) else { return nil }
            return (host.name.value, url.host.joined(separator: "."), url.port.flatMap(Int.init))
        }
    }
}
