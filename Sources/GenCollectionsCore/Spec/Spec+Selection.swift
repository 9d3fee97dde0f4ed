extension Spec {
    /// The flows and steps that go into the generated files: unsupported ones are left out unless asked for.
    /// The collection, the certificate list and the runner all use this one selection.
    /// A flow with nothing left out is returned as it is, its steps shared, not copied (20,000 steps are 26 MB).
    public func includedFlows(includeUnsupported: Bool = false) -> [Flow] {
        if includeUnsupported { return flows }
        return flows.compactMap { flow in
            guard flow.unsupported == nil else { return nil }
            guard flow.steps.contains(where: { $0.unsupported != nil }) else { return flow }
            var flow = flow
            flow.steps.removeAll { $0.unsupported != nil }
            return flow
        }
    }

    /// Schemes, host names and ports the collection calls, from the `hosts` URLs (e.g. `https`,
    /// `rs1.ob.example.com`, nil for the scheme's default port). The scheme is `https` when the URL has none.
    public var hostAuthorities: [(name: String, scheme: String, host: String, port: Int?)] {
        hosts.compactMap { host in
            let url = URLParts(host.url.value)
            guard !url.host.isEmpty, !url.host.contains(where: { $0.contains("{{") }) else { return nil }
            return (
                host.name.value, url.scheme?.lowercased() ?? "https", url.host.joined(separator: "."),
                url.port.flatMap(Int.init)
            )
        }
    }

    /// The auth a step sends (its own, else its flow's; a consent step inherits none), with `auth: client` replaced
    /// by what `clientAuth` stands for, and the form fields that adds to the body.
    /// - Returns: nil auth when the step inherits Postman's.
    public func requestAuth(for step: Step, in flow: Flow) -> (auth: Auth?, formFields: [NamedValue]) {
        let auth = step.auth ?? (step.consent != nil ? Auth.none : flow.auth)
        guard case .client? = auth else { return (auth, []) }
        guard let clientAuth else { return (Auth.none, []) }
        return clientAuth.request
    }
}
