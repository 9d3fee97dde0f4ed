import GenCollectionsBase

/// Checks of the bank's OAuth behaviour: `clientAuth`, `requestObject`, and whether the registration claims agree
/// with them.
extension SpecValidator {
    /// The strings of the request object that may hold `{{variables}}`: the `kid` and the extra claims.
    static func requestObjectStrings(_ object: Spec.RequestObject) -> [Located<String>] {
        var strings: [Located<String>] = []
        if case let .ps256(key) = object.signing { strings.append(key.kid) }
        for claim in object.claims { strings += claim.value.strings.map { Located($0, at: claim.name.location) } }
        return strings
    }

    static func credentialStrings(_ clientAuth: Spec.ClientAuth) -> [Located<String>] {
        [clientAuth.clientId, clientAuth.clientSecret, clientAuth.basicToken, clientAuth.assertion].compactMap { $0 }
    }

    /// A step with `auth: client` needs a `clientAuth`, and a form body when the method sends form fields.
    static func clientAuthProblems(_ spec: Spec, step: Spec.Step) -> [Diagnostic] {
        guard let clientAuth = spec.clientAuth else {
            return [
                .error(
                    "spec-missing-key",
                    "step '\(step.name.value)' uses 'auth: client' but the spec has no 'clientAuth'",
                    at: step.name.location,
                    hint: "add clientAuth: {method: client_secret_basic, basicToken: \"{{basicToken}}\"} or the "
                        + "method the bank registered you with")
            ]
        }
        switch step.body {
        case nil, .form?: return []
        case .json?, .raw?:
            guard !clientAuth.request.formFields.isEmpty else { return [] }
            return [
                .error(
                    "spec-conflict",
                    "step '\(step.name.value)' sends \(clientAuth.method.rawValue) credentials as form fields, "
                        + "but its body is not a form", at: step.name.location,
                    hint: "token requests take a 'form' body, e.g. {grant_type: client_credentials, scope: accounts}")
            ]
        }
    }

    /// What Newman cannot do, and registration claims that contradict the spec's own settings.
    static func bankKnowledgeProblems(_ spec: Spec) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        if let clientAuth = spec.clientAuth {
            switch clientAuth.method {
            case .privateKeyJWT:
                let variable = clientAuth.assertion?.value ?? "the assertion"
                problems.append(
                    .warning(
                        "spec-newman-limit",
                        "private_key_jwt: Newman cannot sign the client assertion, so token requests send \(variable) "
                            + "as it is", at: clientAuth.assertion?.location,
                        hint: "give it a fresh JWT signed with your key before each run, e.g. run-newman.sh "
                            + "--env-var NAME=JWT; see docs/spec-format.md#clientauth"))
            case .tlsClientAuth where (spec.tls?.clientCertificates ?? []).isEmpty:
                problems.append(
                    .warning(
                        "spec-missing-key",
                        "tls_client_auth identifies the client by its transport certificate, but 'tls' names none",
                        at: clientAuth.clientId?.location,
                        hint: "add tls.clientCertificates with the certificate you registered"))
            default: break
            }
        }
        guard let registration = spec.registration else { return problems }
        let registered = [
            ("token_endpoint_auth_method", spec.clientAuth?.method.rawValue, "clientAuth.method"),
            ("request_object_signing_alg", spec.requestObject.signing.algorithm, "requestObject.signing"),
        ]
        for (claimName, setting, key) in registered {
            guard let setting, let claim = registration.claims.first(where: { $0.name.value == claimName }),
                case let .string(value) = claim.value, value != setting
            else { continue }
            problems.append(
                .warning(
                    "spec-inconsistent", "the registration claim \(claimName) is '\(value)' but \(key) is '\(setting)'",
                    at: claim.name.location, hint: "the bank holds you to what you registered; make them agree"))
        }
        return problems
    }
}
