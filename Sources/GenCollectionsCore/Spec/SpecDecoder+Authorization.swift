import GenCollectionsBase

/// The bank's OAuth behaviour: client authentication at the token endpoint, the consent request object, and the
/// helper API.
extension SpecDecoder {
    /// Claims the consent script sets itself, and where their values come from; `requestObject.claims` may not
    /// replace them.
    static let standardRequestObjectClaims: [String: String] = [
        "iss": "the consent step's 'clientId'", "client_id": "the consent step's 'clientId'",
        "aud": "the consent step's 'audience'", "response_type": "the consent step's 'responseType'",
        "redirect_uri": "the consent step's 'redirectUri'", "scope": "the consent step's 'scope'",
        "state": "a fresh UUID per consent", "nonce": "a fresh UUID per consent", "nbf": "the time of the request",
        "exp": "'lifetime'", "claims": "the consent step's 'intentId' and 'acr'", "max_age": "'maxAge'",
    ]

    func clientAuth(_ node: SpecNode) -> Spec.ClientAuth? {
        let credentials = ["clientId", "clientSecret", "basicToken", "assertion"]
        guard let fields = reader.fields(node, "'clientAuth'", allowed: ["method"] + credentials, required: ["method"]),
            let methodNode = fields["method"], let text = reader.string(methodNode, "'method'")
        else { return nil }
        guard let method = Spec.ClientAuth.Method(rawValue: text) else {
            let methods = Spec.ClientAuth.Method.allCases.map(\.rawValue)
            reader.error(
                "spec-invalid-value", "unknown token endpoint auth method '\(text)'", at: methodNode,
                hint: Spelling.closest(to: text, among: methods).map { "did you mean '\($0)'?" }
                    ?? "use one of: \(methods.joined(separator: ", "))")
            return nil
        }
        let (required, optional) = method.keys
        for key in credentials where fields[key] != nil && !(required + optional).contains(key) {
            reader.error(
                "spec-conflict", "'\(key)' is not used by \(method.rawValue)", at: fields.keyNode(key)!,
                hint: "\(method.rawValue) takes \((required + optional).map { "'\($0)'" }.joined(separator: ", "))")
        }
        for key in required where fields[key] == nil {
            reader.error("spec-missing-key", "'clientAuth' with \(method.rawValue) needs '\(key)'", at: node)
        }
        if method == .clientSecretBasic {
            if fields["basicToken"] != nil,
                let other = ["clientId", "clientSecret"].first(where: { fields[$0] != nil })
            {
                reader.error(
                    "spec-conflict", "'clientAuth' has both 'basicToken' and '\(other)'", at: fields.keyNode(other)!,
                    hint: "give either the pre-encoded 'basicToken' or 'clientId' and 'clientSecret'")
            } else if fields["basicToken"] == nil, fields["clientId"] == nil || fields["clientSecret"] == nil {
                reader.error(
                    "spec-missing-key",
                    "'clientAuth' with client_secret_basic needs 'basicToken', or 'clientId' and "
                        + "'clientSecret'", at: node)
            }
        }
        func located(_ key: String) -> Located<String>? { fields[key].flatMap { reader.located($0, "'\(key)'") } }
        return Spec.ClientAuth(
            method: method, clientId: located("clientId"), clientSecret: located("clientSecret"),
            basicToken: located("basicToken"), assertion: located("assertion"))
    }

    func requestObject(_ node: SpecNode) -> Spec.RequestObject? {
        guard
            let fields = reader.fields(
                node, "'requestObject'", allowed: ["signing", "lifetime", "acr", "maxAge", "claims"])
        else { return nil }
        var object = Spec.RequestObject()
        if let signing = fields["signing"].flatMap(requestObjectSigning) { object.signing = signing }
        if let node = fields["lifetime"], let seconds = reader.int(node, "'lifetime'") {
            if (1...3600).contains(seconds) {
                object.lifetime = seconds
            } else {
                reader.error(
                    "spec-invalid-value", "a request object lifetime of \(seconds) seconds is out of range", at: node,
                    hint: "give 1 to 3600 seconds; FAPI rejects request objects valid for more than 60 minutes")
            }
        }
        if let node = fields["acr"] { object.acr = reader.strings(node, "'acr'").map(\.value) }
        if let node = fields["maxAge"], let seconds = reader.int(node, "'maxAge'") {
            if seconds >= 0 {
                object.maxAge = seconds
            } else {
                reader.error("spec-invalid-value", "'maxAge' must not be negative", at: node)
            }
        }
        if let node = fields["claims"] {
            object.claims = claims(node, "'claims' of 'requestObject'").filter { claim in
                guard let source = Self.standardRequestObjectClaims[claim.name.value] else { return true }
                reader.emit(
                    .error(
                        "spec-conflict", "the request object claim '\(claim.name.value)' cannot be set here",
                        at: claim.name.location, hint: "its value comes from \(source)"))
                return false
            }
        }
        return object
    }

    /// `none`, or `{alg: PS256, key: FILE, kid: KID, passphraseEnv: NAME}`.
    func requestObjectSigning(_ node: SpecNode) -> Spec.RequestObject.Signing? {
        let hint = "use 'none' or {alg: PS256, key: FILE, kid: KID}"
        if case let .scalar(scalar) = node {
            if scalar.string == "none" { return Spec.RequestObject.Signing.none }
            reader.error(
                "spec-invalid-value", "unknown request object signing '\(scalar.string)'", at: node, hint: hint)
            return nil
        }
        guard
            let fields = reader.fields(
                node, "'signing'", allowed: ["alg", "key", "kid", "passphraseEnv"], required: ["alg"]),
            let algNode = fields["alg"], let alg = reader.string(algNode, "'alg'")
        else { return nil }
        switch alg {
        case "none":
            if let key = ["key", "kid", "passphraseEnv"].first(where: { fields[$0] != nil }) {
                reader.error(
                    "spec-conflict", "an unsigned request object takes no '\(key)'", at: fields.keyNode(key)!)
            }
            return Spec.RequestObject.Signing.none
        case "PS256":
            guard let key = fields["key"].flatMap({ reader.located($0, "'key'") }),
                let kid = fields["kid"].flatMap({ reader.located($0, "'kid'") })
            else {
                reader.error("spec-missing-key", "PS256 signing needs 'key' (a PEM file) and 'kid'", at: node)
                return nil
            }
            return .ps256(
                Spec.RequestObject.SigningKey(
                    key: key, kid: kid,
                    passphraseEnv: fields["passphraseEnv"].flatMap { reader.string($0, "'passphraseEnv'") }))
        default:
            reader.error(
                "spec-invalid-value", "request object signing algorithm '\(alg)' is not supported", at: algNode,
                hint: "use 'none' or 'PS256' (the FAPI algorithm Open Banking UK banks take)")
            return nil
        }
    }

    func helperAPI(_ node: SpecNode) -> Spec.HelperAPI? {
        guard let fields = reader.fields(node, "'helperAPI'", allowed: ["environment"], required: ["environment"]),
            let environment = fields["environment"].flatMap({ reader.located($0, "'environment'") })
        else { return nil }
        return Spec.HelperAPI(environment: environment)
    }
}
