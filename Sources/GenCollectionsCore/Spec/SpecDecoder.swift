import GenCollectionsBase

/// Decodes the composed YAML tree of a spec into `Spec`, one section at a time.
struct SpecDecoder {
    let reader: NodeReader

    init(_ reader: NodeReader) { self.reader = reader }

    static let topLevelKeys = [
        "gen-collections", "name", "title", "description", "apiVersion", "hosts", "variables",
        "headerSets", "tls", "registration", "clientAuth", "requestObject", "helperAPI", "scripts", "flows",
    ]

    func decode(_ root: SpecNode) -> Spec? {
        guard
            let fields = reader.fields(
                root, "the spec", allowed: Self.topLevelKeys,
                required: ["gen-collections", "name", "flows"])
        else { return nil }
        if let versionNode = fields["gen-collections"],
            let version = reader.int(versionNode, "'gen-collections' (the spec format version)"),
            version != SpecLoader.formatVersion
        {
            reader.error(
                "spec-format-version", "spec format version \(version) is not supported", at: versionNode,
                hint: "this build reads version \(SpecLoader.formatVersion)")
        }
        let name = fields["name"].flatMap { reader.located($0, "'name'") }
        if let name, let node = fields["name"], !Self.isFileStem(name.value) {
            reader.error(
                "spec-invalid-value", "name '\(name.value)' cannot be used as a file name", at: node,
                hint: "use letters, digits, '-', '_' and '.', e.g. 'my-bank-sandbox'")
        }
        let scriptsNode = fields["scripts"]
        let scripts = scriptsNode.map { rawScripts($0, "the spec", allowBankReason: true) } ?? (.init(), true)
        let flows = fields["flows"].map { reader.sequence($0, "'flows'").compactMap(flow) } ?? []
        guard let name else { return nil }
        return Spec(
            name: name,
            title: fields["title"].flatMap { reader.string($0, "'title'") } ?? name.value,
            description: fields["description"].flatMap { reader.string($0, "'description'") },
            apiVersion: fields["apiVersion"].flatMap { reader.string($0, "'apiVersion'") },
            hosts: fields["hosts"].map(hosts) ?? [],
            variables: fields["variables"].map(variables) ?? [],
            headerSets: fields["headerSets"].map(headerSets) ?? [],
            tls: fields["tls"].flatMap(tls),
            registration: fields["registration"].flatMap(registration),
            clientAuth: fields["clientAuth"].flatMap(clientAuth),
            requestObject: fields["requestObject"].flatMap(requestObject) ?? Spec.RequestObject(),
            helperAPI: fields["helperAPI"].flatMap(helperAPI),
            scripts: scripts.scripts,
            bankReason: scripts.bankReason,
            flows: flows)
    }

    static func isFileStem(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
            }
    }

    // MARK: - Hosts and variables

    func hosts(_ node: SpecNode) -> [Spec.Host] {
        reader.namedEntries(node, "'hosts'").compactMap { name, value in
            if case .scalar = value {
                return reader.located(value, "host '\(name.value)'").map { Spec.Host(name: name, url: $0) }
            }
            guard
                let fields = reader.fields(
                    value, "host '\(name.value)'", allowed: ["url", "description", "from"],
                    required: ["url"]),
                let url = fields["url"].flatMap({ reader.located($0, "'url'") })
            else { return nil }
            return Spec.Host(
                name: name, url: url,
                description: fields["description"].flatMap { reader.string($0, "'description'") },
                from: fields["from"].map { reader.strings($0, "'from'").map(\.value) } ?? [])
        }
    }

    func variables(_ node: SpecNode) -> [Spec.Variable] {
        reader.namedEntries(node, "'variables'").compactMap { name, value in
            if case .scalar = value {
                return Spec.Variable(name: name, value: reader.string(value, "variable '\(name.value)'"), secret: false)
            }
            let what = "variable '\(name.value)'"
            guard
                let fields = reader.fields(
                    value, what, allowed: ["value", "description", "secret", "from", "generate"])
            else { return nil }
            var generator: Spec.Variable.Generator?
            if let node = fields["generate"], let text = reader.string(node, "'generate'") {
                generator = Spec.Variable.Generator(rawValue: text)
                if generator == nil {
                    let kinds = Spec.Variable.Generator.allCases.map(\.rawValue)
                    reader.error(
                        "spec-invalid-value", "unknown generator '\(text)' for \(what)", at: node,
                        hint: Spelling.closest(to: text, among: kinds).map { "did you mean '\($0)'?" }
                            ?? "use one of: \(kinds.joined(separator: ", "))")
                }
            }
            if generator != nil, let other = ["value", "from", "secret"].first(where: { fields[$0] != nil }) {
                reader.error(
                    "spec-conflict", "\(what) has both 'generate' and '\(other)'", at: fields.keyNode(other)!,
                    hint: "a generated variable gets a fresh value before every request; remove '\(other)'")
            }
            return Spec.Variable(
                name: name,
                value: fields["value"].flatMap { reader.string($0, "'value'") },
                description: fields["description"].flatMap { reader.string($0, "'description'") },
                secret: fields["secret"].flatMap { reader.bool($0, "'secret'") } ?? false,
                from: fields["from"].map { reader.strings($0, "'from'").map(\.value) } ?? [],
                generate: generator)
        }
    }

    func headerSets(_ node: SpecNode) -> [Spec.HeaderSet] {
        reader.namedEntries(node, "'headerSets'").map { name, value in
            Spec.HeaderSet(name: name, headers: headers(value, "header set '\(name.value)'"))
        }
    }

    /// A mapping of names to string values (headers, query parameters, form fields).
    func headers(_ node: SpecNode, _ what: String) -> [Spec.NamedValue] {
        reader.namedEntries(node, what).compactMap { name, value in
            guard case let .scalar(scalar) = value else {
                reader.error(
                    "spec-wrong-type",
                    "'\(name.value)' in \(what) must be a string, found \(NodeReader.kind(of: value))",
                    at: value)
                return nil
            }
            return Spec.NamedValue(name: name.value, value: Located(scalar.string, at: reader.location(value)))
        }
    }

    // MARK: - TLS and registration

    func tls(_ node: SpecNode) -> Spec.TLS? {
        guard let fields = reader.fields(node, "'tls'", allowed: ["clientCertificates", "caBundle", "verify"]) else {
            return nil
        }
        let certificates =
            fields["clientCertificates"].map {
                reader.sequence($0, "'clientCertificates'").compactMap(clientCertificate)
            } ?? []
        return Spec.TLS(
            clientCertificates: certificates,
            caBundle: fields["caBundle"].flatMap { reader.located($0, "'caBundle'") },
            verify: fields["verify"].flatMap { reader.bool($0, "'verify'") } ?? true)
    }

    func clientCertificate(_ node: SpecNode) -> Spec.TLS.ClientCertificate? {
        guard
            let fields = reader.fields(
                node, "a client certificate",
                allowed: ["name", "cert", "key", "pfx", "passphraseEnv", "hosts"],
                required: ["name", "hosts"]),
            let name = fields["name"].flatMap({ reader.located($0, "'name'") })
        else { return nil }
        let what = "client certificate '\(name.value)'"
        let certificate = Spec.TLS.ClientCertificate(
            name: name,
            cert: fields["cert"].flatMap { reader.located($0, "'cert'") },
            key: fields["key"].flatMap { reader.located($0, "'key'") },
            pfx: fields["pfx"].flatMap { reader.located($0, "'pfx'") },
            passphraseEnv: fields["passphraseEnv"].flatMap { reader.string($0, "'passphraseEnv'") },
            hosts: fields["hosts"].map { reader.strings($0, "'hosts'") } ?? [])
        let pem = certificate.cert != nil || certificate.key != nil
        if pem == (certificate.pfx != nil) || (pem && (certificate.cert == nil || certificate.key == nil)) {
            reader.error("spec-conflict", "\(what) needs either 'cert' and 'key' (PEM) or 'pfx' (PKCS#12)", at: node)
        }
        return certificate
    }

    func registration(_ node: SpecNode) -> Spec.Registration? {
        guard
            let fields = reader.fields(
                node, "'registration'", allowed: ["endpoint", "claims", "bodyVariable"],
                required: ["claims"])
        else { return nil }
        let claims = fields["claims"].map { self.claims($0, "'claims'") } ?? []
        return Spec.Registration(
            endpoint: fields["endpoint"].flatMap { reader.located($0, "'endpoint'") },
            claims: claims,
            bodyVariable: fields["bodyVariable"].flatMap { reader.string($0, "'bodyVariable'") } ?? "registrationJwt")
    }

    /// JWT claims in spec order, each value kept with its YAML type.
    func claims(_ node: SpecNode, _ what: String) -> [Spec.Claim] {
        reader.namedEntries(node, what).map { Spec.Claim(name: $0.name, value: reader.json($0.value)) }
    }
}
