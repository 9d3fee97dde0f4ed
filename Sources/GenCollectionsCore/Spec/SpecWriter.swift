import GenCollectionsBase

/// Turns a `Spec` into YAML that `SpecLoader` reads back as the same spec: `load(write(spec)) == spec` for every
/// valid spec. The one way a spec becomes text, for `init`, importers and converters.
///
/// The output is canonical: keys in the order of docs/spec-format.md, two-space indents, a comment above each
/// section, scalars quoted exactly when YAML would otherwise read them as something else, JSON bodies as YAML,
/// and repeated body parts written once with an anchor. The same spec always gives the same bytes.
public enum SpecWriter {
    /// The spec as a YAML document.
    public static func write(_ spec: Spec) -> String {
        var writer = Writer(spec: spec)
        var renderer = YAMLRenderer()
        return renderer.render(writer.document(), header: header(for: spec))
    }

    static func header(for spec: Spec) -> [String] {
        [
            "gen-collections spec, format version \(SpecLoader.formatVersion): \(spec.title).",
            "Written by gen-collections; every key is described in docs/spec-format.md.",
        ]
    }

    /// Builds the document tree; holds the anchors of repeated body parts while the flows are written.
    struct Writer {
        let spec: Spec
        var anchors: JSONAnchors

        init(spec: Spec) {
            self.spec = spec
            anchors = JSONAnchors(
                bodies: spec.flows.flatMap(\.steps).compactMap { step -> (key: String, value: JSONValue)? in
                    guard case let .json(value)? = step.body else { return nil }
                    return ("body", value.value)
                })
        }

        mutating func document() -> [YAMLEntry] {
            var entries = [
                YAMLEntry("gen-collections", .plain(String(SpecLoader.formatVersion))),
                YAMLEntry(
                    "name", .string(spec.name.value), comment: ["File stem of the generated files."]),
                YAMLEntry("title", .string(spec.title)),
            ]
            if let description = spec.description { entries.append(YAMLEntry("description", .string(description))) }
            if let apiVersion = spec.apiVersion { entries.append(YAMLEntry("apiVersion", .string(apiVersion))) }
            if !spec.hosts.isEmpty {
                entries.append(
                    YAMLEntry(
                        "hosts", .mapping(spec.hosts.map(host)),
                        comment: [
                            "Base URLs, each an environment variable. `from` names the keys of the bank's helper-API",
                            "environment file (generate --env FILE) that supply the value; `url` is the default.",
                        ]))
            }
            if !spec.variables.isEmpty {
                entries.append(
                    YAMLEntry(
                        "variables", .mapping(spec.variables.map(variable)),
                        comment: [
                            "Other environment variables. `secret: true` types them secret; `generate` gives a fresh",
                            "value before every request.",
                        ]))
            }
            if !spec.headerSets.isEmpty {
                entries.append(
                    YAMLEntry(
                        "headerSets",
                        .mapping(spec.headerSets.map { YAMLEntry($0.name.value, Self.namedValues($0.headers)) }),
                        comment: ["Headers shared by groups of requests. Flows and steps name the sets they use."]))
            }
            if let tls = spec.tls {
                entries.append(
                    YAMLEntry(
                        "tls", self.tls(tls),
                        comment: ["Mutual TLS. Paths resolve from the folder the runner runs in (the output folder)."]))
            }
            if let registration = spec.registration {
                entries.append(
                    YAMLEntry(
                        "registration", self.registration(registration),
                        comment: [
                            "Claims of the registration JWT (gen-collections register adds iss, software_statement,",
                            "redirect_uris, iat, exp and jti). The signed JWT goes into the variable `bodyVariable`.",
                        ]))
            }
            if let clientAuth = spec.clientAuth {
                entries.append(
                    YAMLEntry(
                        "clientAuth", self.clientAuth(clientAuth),
                        comment: [
                            "How the client authenticates at the token endpoint (its token_endpoint_auth_method).",
                            "Token requests say `auth: client`.",
                        ]))
            }
            let hasConsent = spec.flows.contains { $0.steps.contains { $0.consent != nil } }
            if hasConsent || spec.requestObject != Spec.RequestObject() {
                entries.append(
                    YAMLEntry(
                        "requestObject", requestObject(spec.requestObject),
                        comment: ["The request object each PSU consent step puts into the authorisation URL."]))
            }
            if let helperAPI = spec.helperAPI {
                entries.append(
                    YAMLEntry(
                        "helperAPI", .mapping([YAMLEntry("environment", .string(helperAPI.environment.value))]),
                        comment: ["The bank's helper API: `gen-collections fetch-env` downloads the environment file."])
                )
            }
            if let scripts = Self.rawScripts(spec.scripts, bankReason: spec.bankReason) {
                entries.append(
                    YAMLEntry(
                        "scripts", scripts,
                        comment: ["The collection's own scripts, kept verbatim (after the generated ones)."]))
            }
            entries.append(
                YAMLEntry(
                    "flows", .sequence(spec.flows.map { flow($0) }, style: .spaced),
                    comment: ["Flows become folders, in this order; steps become requests."]))
            return entries
        }

        // MARK: - Sections

        private func host(_ host: Spec.Host) -> YAMLEntry {
            guard host.description != nil || !host.from.isEmpty else {
                return YAMLEntry(host.name.value, .string(host.url.value))
            }
            var entries = [YAMLEntry("url", .string(host.url.value))]
            if let description = host.description { entries.append(YAMLEntry("description", .string(description))) }
            if !host.from.isEmpty { entries.append(YAMLEntry("from", Self.stringOrList(host.from))) }
            return YAMLEntry(host.name.value, .mapping(entries))
        }

        private func variable(_ variable: Spec.Variable) -> YAMLEntry {
            if let value = variable.value, variable.description == nil, !variable.secret, variable.from.isEmpty,
                variable.generate == nil
            {
                return YAMLEntry(variable.name.value, .string(value))
            }
            var entries: [YAMLEntry] = []
            if let value = variable.value { entries.append(YAMLEntry("value", .string(value))) }
            if let description = variable.description {
                entries.append(YAMLEntry("description", .string(description)))
            }
            if variable.secret { entries.append(YAMLEntry("secret", .plain("true"))) }
            if !variable.from.isEmpty { entries.append(YAMLEntry("from", Self.stringOrList(variable.from))) }
            if let generate = variable.generate { entries.append(YAMLEntry("generate", .string(generate.rawValue))) }
            return YAMLEntry(variable.name.value, .mapping(entries, style: entries.count == 1 ? .flow : .block))
        }

        private func tls(_ tls: Spec.TLS) -> YAMLNode {
            var entries: [YAMLEntry] = []
            if !tls.clientCertificates.isEmpty {
                entries.append(
                    YAMLEntry(
                        "clientCertificates",
                        .sequence(
                            tls.clientCertificates.map { certificate in
                                var fields = [YAMLEntry("name", .string(certificate.name.value))]
                                for (key, value) in [
                                    ("cert", certificate.cert), ("key", certificate.key), ("pfx", certificate.pfx),
                                ] {
                                    if let value { fields.append(YAMLEntry(key, .string(value.value))) }
                                }
                                if let passphraseEnv = certificate.passphraseEnv {
                                    fields.append(YAMLEntry("passphraseEnv", .string(passphraseEnv)))
                                }
                                fields.append(
                                    YAMLEntry("hosts", Self.list(certificate.hosts.map(\.value))))
                                return .mapping(fields)
                            })))
            }
            if let caBundle = tls.caBundle { entries.append(YAMLEntry("caBundle", .string(caBundle.value))) }
            entries.append(YAMLEntry("verify", .plain(tls.verify ? "true" : "false")))
            return .mapping(entries)
        }

        private func registration(_ registration: Spec.Registration) -> YAMLNode {
            var entries: [YAMLEntry] = []
            if let endpoint = registration.endpoint { entries.append(YAMLEntry("endpoint", .string(endpoint.value))) }
            entries.append(YAMLEntry("bodyVariable", .string(registration.bodyVariable)))
            entries.append(YAMLEntry("claims", Self.claims(registration.claims)))
            return .mapping(entries)
        }

        private func clientAuth(_ clientAuth: Spec.ClientAuth) -> YAMLNode {
            var entries = [YAMLEntry("method", .string(clientAuth.method.rawValue))]
            for (key, value) in [
                ("clientId", clientAuth.clientId), ("clientSecret", clientAuth.clientSecret),
                ("basicToken", clientAuth.basicToken), ("assertion", clientAuth.assertion),
            ] {
                if let value { entries.append(YAMLEntry(key, .string(value.value))) }
            }
            return .mapping(entries)
        }

        private func requestObject(_ object: Spec.RequestObject) -> YAMLNode {
            var entries: [YAMLEntry]
            switch object.signing {
            case .none:
                entries = [YAMLEntry("signing", .string("none"))]
            case let .ps256(key):
                var signing = [
                    YAMLEntry("alg", .string("PS256")), YAMLEntry("key", .string(key.key.value)),
                    YAMLEntry("kid", .string(key.kid.value)),
                ]
                if let passphraseEnv = key.passphraseEnv {
                    signing.append(YAMLEntry("passphraseEnv", .string(passphraseEnv)))
                }
                entries = [YAMLEntry("signing", .mapping(signing))]
            }
            entries.append(YAMLEntry("lifetime", .plain(String(object.lifetime))))
            entries.append(YAMLEntry("acr", Self.list(object.acr)))
            if let maxAge = object.maxAge { entries.append(YAMLEntry("maxAge", .plain(String(maxAge)))) }
            if !object.claims.isEmpty { entries.append(YAMLEntry("claims", Self.claims(object.claims))) }
            return .mapping(entries)
        }

        // MARK: - Pieces

        /// Names and string values as a block mapping (headers, parameters, form fields).
        static func namedValues(_ values: [Spec.NamedValue]) -> YAMLNode {
            .mapping(values.map { YAMLEntry($0.name, .string($0.value.value)) })
        }

        static func claims(_ claims: [Spec.Claim]) -> YAMLNode {
            .mapping(claims.map { YAMLEntry($0.name.value, JSONAnchors.plainNode($0.value)) })
        }

        /// One string as a scalar, more as a flow list.
        static func stringOrList(_ values: [String]) -> YAMLNode {
            values.count == 1 ? .string(values[0]) : list(values)
        }

        static func list(_ values: [String]) -> YAMLNode { .sequence(values.map(YAMLNode.string), style: .flow) }
    }
}
