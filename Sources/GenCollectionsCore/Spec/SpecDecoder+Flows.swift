extension SpecDecoder {
    static let flowKeys = [
        "name", "key", "description", "headerSets", "auth", "steps", "unsupported", "once", "scripts",
    ]
    static let stepKeys = [
        "name", "key", "description", "method", "url", "params", "query", "headerSets", "headers",
        "auth", "body", "followRedirects", "expect", "capture", "consent", "prerequest", "test",
        "scripts", "unsupported", "response",
    ]
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    func flow(_ node: SpecNode) -> Spec.Flow? {
        guard let fields = reader.fields(node, "a flow", allowed: Self.flowKeys, required: ["name", "steps"]),
            let name = fields["name"].flatMap({ reader.located($0, "the flow's 'name'") })
        else { return nil }
        let what = "flow '\(name.value)'"
        return Spec.Flow(
            name: name,
            key: fields["key"].flatMap { reader.string($0, "'key'") },
            description: fields["description"].flatMap { reader.string($0, "'description'") },
            headerSets: fields["headerSets"].map { reader.strings($0, "'headerSets'") } ?? [],
            auth: fields["auth"].flatMap { auth($0, what) },
            steps: fields["steps"].map { steps(reader.sequence($0, "'steps' of \(what)")) } ?? [],
            unsupported: fields["unsupported"].flatMap { reader.string($0, "'unsupported'") },
            once: fields["once"].flatMap { reader.bool($0, "'once'") } ?? false,
            scripts: fields["scripts"].map { rawScripts($0, what).scripts } ?? .init())
    }

    /// A flow's steps, in an array sized for them (a step takes about 1 KB; `compactMap` grows by doubling and
    /// would leave up to as much again unused, for the life of the spec).
    func steps(_ nodes: [SpecNode]) -> [Spec.Step] {
        var steps: [Spec.Step] = []
        steps.reserveCapacity(nodes.count)
        for node in nodes {
            if let step = step(node) { steps.append(step) }
        }
        return steps
    }

    func step(_ node: SpecNode) -> Spec.Step? {
        guard let fields = reader.fields(node, "a step", allowed: Self.stepKeys, required: ["name"]),
            let name = fields["name"].flatMap({ reader.located($0, "the step's 'name'") })
        else { return nil }
        let what = "step '\(name.value)'"
        let consent = fields["consent"].flatMap { self.consent($0, what) }
        var method = "GET"
        if let node = fields["method"], let text = reader.string(node, "'method'") {
            method = text.uppercased()
            if !Self.methods.contains(method) {
                reader.error(
                    "spec-invalid-value", "unknown HTTP method '\(text)' in \(what)", at: node,
                    hint: "use one of: \(Self.methods.joined(separator: ", "))")
            }
        }
        var url = fields["url"].flatMap { reader.located($0, "'url'") }
        if let consent {
            for key in ["method", "url", "body"] where fields[key] != nil {
                reader.error(
                    "spec-conflict", "\(what) has both 'consent' and '\(key)'", at: fields.keyNode(key)!,
                    hint: "a consent step builds its own request from the authorize endpoint")
            }
            url = Located("{{\(consent.saveAs)}}", at: reader.location(fields.keyNode("consent")!))
        } else if fields["url"] == nil {
            reader.error("spec-missing-key", "\(what) is missing the required key 'url'", at: node)
        }
        guard let url else { return nil }
        let followRedirects = fields["followRedirects"].flatMap { reader.bool($0, "'followRedirects'") }
        let auth = fields["auth"].flatMap { self.auth($0, what) }
        let body = fields["body"].flatMap { self.body($0, what) }
        let expect = fields["expect"].map { expectations($0, what) } ?? Spec.Expectations()
        let captures = fields["capture"].map { self.captures($0, what) } ?? []
        let prerequest = fields["prerequest"].map { reader.strings($0, "'prerequest'").map(\.value) } ?? []
        let test = fields["test"].map { reader.strings($0, "'test'").map(\.value) } ?? []
        return Spec.Step(
            name: name,
            key: fields["key"].flatMap { reader.string($0, "'key'") },
            description: fields["description"].flatMap { reader.string($0, "'description'") },
            method: method,
            url: url,
            pathParams: fields["params"].map { headers($0, "'params' of \(what)") } ?? [],
            query: fields["query"].map { headers($0, "'query' of \(what)") } ?? [],
            headerSets: fields["headerSets"].map { reader.strings($0, "'headerSets'") },
            headers: fields["headers"].map { headers($0, "'headers' of \(what)") } ?? [],
            auth: auth,
            body: body,
            followRedirects: followRedirects,
            expect: expect,
            captures: captures,
            consent: consent,
            prerequestScript: prerequest,
            testScript: test,
            scripts: fields["scripts"].map { rawScripts($0, what).scripts } ?? .init(),
            unsupported: fields["unsupported"].flatMap { reader.string($0, "'unsupported'") },
            response: fields["response"].flatMap { responseExample($0, what) })
    }

    /// `response: {status: 201, headers: {...}, json: {...}}` or `text: ...` instead of `json`.
    func responseExample(_ node: SpecNode, _ what: String) -> Spec.ResponseExample? {
        guard
            let fields = reader.fields(
                node, "'response' of \(what)", allowed: ["status", "headers", "json", "text"], required: ["status"]),
            let statusNode = fields["status"], let status = reader.int(statusNode, "'response.status'")
        else { return nil }
        guard (100...599).contains(status) else {
            reader.error("spec-invalid-value", "\(status) is not an HTTP status code", at: statusNode)
            return nil
        }
        var body: Spec.ResponseExample.Body?
        if let json = fields["json"] {
            if fields["text"] != nil {
                reader.error(
                    "spec-conflict", "'response' of \(what) has both 'json' and 'text'", at: fields.keyNode("text")!,
                    hint: "give the body once: 'json' for a JSON value, 'text' for anything else")
            }
            body = .json(reader.json(json))
        } else if let text = fields["text"] {
            body = reader.string(text, "'response.text'").map(Spec.ResponseExample.Body.text)
        }
        return Spec.ResponseExample(
            status: status, headers: fields["headers"].map { headers($0, "'response.headers' of \(what)") } ?? [],
            body: body, location: reader.location(node))
    }

    /// `scripts: {prerequest: TEXT, test: TEXT}`, and at the top level `bankReason: false`.
    func rawScripts(
        _ node: SpecNode, _ what: String, allowBankReason: Bool = false
    ) -> (
        scripts: Spec.RawScripts, bankReason: Bool
    ) {
        let allowed = ["prerequest", "test"] + (allowBankReason ? ["bankReason"] : [])
        guard let fields = reader.fields(node, "'scripts' of \(what)", allowed: allowed) else { return (.init(), true) }
        return (
            Spec.RawScripts(
                prerequest: fields["prerequest"].flatMap { reader.string($0, "'scripts.prerequest'") },
                test: fields["test"].flatMap { reader.string($0, "'scripts.test'") }),
            fields["bankReason"].flatMap { reader.bool($0, "'scripts.bankReason'") } ?? true
        )
    }

    // MARK: - Auth and body

    func auth(_ node: SpecNode, _ what: String) -> Spec.Auth? {
        if case let .scalar(scalar) = node {
            if scalar.string == "none" { return Spec.Auth.none }
            if scalar.string == "client" { return Spec.Auth.client }
            reader.error(
                "spec-invalid-value", "unknown auth '\(scalar.string)' in \(what)", at: node,
                hint: "use 'none', 'client', {basic: {username, password}}, {basic: {token}} or {bearer: TOKEN}")
            return nil
        }
        guard let fields = reader.fields(node, "'auth' of \(what)", allowed: ["basic", "bearer"]) else { return nil }
        guard fields.count == 1 else {
            reader.error("spec-conflict", "'auth' of \(what) must have exactly one of 'basic' or 'bearer'", at: node)
            return nil
        }
        if let bearer = fields["bearer"] {
            return reader.located(bearer, "'bearer'").map(Spec.Auth.bearer)
        }
        guard let basic = fields["basic"],
            let parts = reader.fields(basic, "'basic' auth of \(what)", allowed: ["username", "password", "token"])
        else { return nil }
        if let token = parts["token"] {
            if parts["username"] != nil || parts["password"] != nil {
                reader.error(
                    "spec-conflict", "'basic' auth of \(what) has a token and a username or password", at: basic,
                    hint: "give either the base64 'token' or 'username' and 'password'")
            }
            return reader.located(token, "'token'").map(Spec.Auth.basicToken)
        }
        guard let username = parts["username"].flatMap({ reader.located($0, "'username'") }),
            let password = parts["password"].flatMap({ reader.located($0, "'password'") })
        else {
            reader.error(
                "spec-missing-key", "'basic' auth of \(what) needs 'username' and 'password', or 'token'", at: basic)
            return nil
        }
        return .basic(username: username, password: password)
    }

    func body(_ node: SpecNode, _ what: String) -> Spec.Body? {
        guard let fields = reader.fields(node, "'body' of \(what)", allowed: ["json", "form", "raw", "contentType"])
        else {
            return nil
        }
        let kinds = ["json", "form", "raw"].filter { fields[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first, let value = fields[kind] else {
            reader.error(
                "spec-conflict", "'body' of \(what) must have exactly one of 'json', 'form' or 'raw'", at: node)
            return nil
        }
        if kind != "raw", let contentType = fields.keyNode("contentType") {
            reader.error(
                "spec-conflict", "'contentType' applies to 'raw' bodies only", at: contentType,
                hint: "json bodies are sent as application/json and forms as application/x-www-form-urlencoded")
        }
        switch kind {
        case "json":
            return .json(Located(reader.json(value), at: reader.location(value)))
        case "form":
            return .form(headers(value, "'form' of \(what)"))
        default:
            guard let raw = reader.located(value, "'raw'") else { return nil }
            guard let contentType = fields["contentType"].flatMap({ reader.string($0, "'contentType'") }) else {
                reader.error("spec-missing-key", "a 'raw' body needs a 'contentType', e.g. application/jwt", at: node)
                return nil
            }
            return .raw(raw, contentType: contentType)
        }
    }

    // MARK: - Expectations and captures

    func expectations(_ node: SpecNode, _ what: String) -> Spec.Expectations {
        guard let fields = reader.fields(node, "'expect' of \(what)", allowed: ["status", "json", "headers"]) else {
            return Spec.Expectations()
        }
        var status: [Int] = []
        if let node = fields["status"] {
            let nodes = {
                if case .sequence = node { return reader.sequence(node, "'status'") } else { return [node] }
            }()
            for codeNode in nodes {
                guard let code = reader.int(codeNode, "'status'") else { continue }
                if (100...599).contains(code) {
                    status.append(code)
                } else {
                    reader.error("spec-invalid-value", "\(code) is not an HTTP status code", at: codeNode)
                }
            }
        }
        return Spec.Expectations(
            status: status,
            json: fields["json"].map { checks($0, "'expect.json' of \(what)", paths: true) } ?? [],
            headers: fields["headers"].map { checks($0, "'expect.headers' of \(what)", paths: false) } ?? [])
    }

    func checks(_ node: SpecNode, _ what: String, paths: Bool) -> [Spec.FieldExpectation] {
        reader.namedEntries(node, what).compactMap { path, value in
            if paths, JSONPath(path.value) == nil {
                reader.emit(
                    .error(
                        "spec-invalid-value", "'\(path.value)' is not a JSON path", at: path.location,
                        hint: "write dotted keys with [n] indices, e.g. Data.Account[0].AccountId"))
                return nil
            }
            if case let .scalar(scalar) = value {
                switch scalar.string {
                case "present": return Spec.FieldExpectation(path: path, check: .present)
                case "absent": return Spec.FieldExpectation(path: path, check: .absent)
                default:
                    reader.error(
                        "spec-invalid-value", "unknown check '\(scalar.string)' for '\(path.value)' in \(what)",
                        at: value,
                        hint: "use 'present', 'absent', {equals: VALUE} or {oneOf: [VALUES]}")
                    return nil
                }
            }
            guard let fields = reader.fields(value, "the check for '\(path.value)'", allowed: ["equals", "oneOf"]),
                fields.count == 1
            else {
                reader.error(
                    "spec-conflict", "the check for '\(path.value)' needs exactly one of 'equals' or 'oneOf'", at: value
                )
                return nil
            }
            if let equals = fields["equals"] {
                return Spec.FieldExpectation(path: path, check: .equals(reader.json(equals)))
            }
            let options = reader.sequence(fields["oneOf"]!, "'oneOf'").map(reader.json)
            return Spec.FieldExpectation(path: path, check: .oneOf(options))
        }
    }

    func captures(_ node: SpecNode, _ what: String) -> [Spec.Capture] {
        reader.namedEntries(node, "'capture' of \(what)").compactMap { variable, value in
            let sourceWhat = "the capture of '\(variable.value)'"
            guard let fields = reader.fields(value, sourceWhat, allowed: ["json", "header", "redirect", "body"]),
                fields.count == 1, let kind = fields.keys.first, let sourceNode = fields[kind]
            else {
                reader.error(
                    "spec-conflict", "\(sourceWhat) needs exactly one of 'json', 'header', 'redirect' or 'body'",
                    at: value)
                return nil
            }
            guard let text = reader.string(sourceNode, "'\(kind)'") else { return nil }
            switch kind {
            case "json":
                guard let path = JSONPath(text) else {
                    reader.error(
                        "spec-invalid-value", "'\(text)' is not a JSON path", at: sourceNode,
                        hint: "write dotted keys with [n] indices, e.g. Data.ConsentId")
                    return nil
                }
                return Spec.Capture(variable: variable, source: .json(path))
            case "header": return Spec.Capture(variable: variable, source: .header(text))
            case "redirect": return Spec.Capture(variable: variable, source: .redirect(text))
            default:
                guard text == "text" else {
                    reader.error("spec-invalid-value", "'body' captures take the value 'text'", at: sourceNode)
                    return nil
                }
                return Spec.Capture(variable: variable, source: .body)
            }
        }
    }

    func consent(_ node: SpecNode, _ what: String) -> Spec.Consent? {
        let keys = [
            "authorizeEndpoint", "clientId", "responseType", "scope", "redirectUri", "intentId", "audience",
            "saveAs", "code", "check",
        ]
        guard
            let fields = reader.fields(
                node, "'consent' of \(what)", allowed: keys,
                required: [
                    "authorizeEndpoint", "clientId", "scope", "redirectUri", "intentId",
                    "audience", "code",
                ])
        else { return nil }
        func located(_ key: String) -> Located<String>? { fields[key].flatMap { reader.located($0, "'\(key)'") } }
        guard let authorize = located("authorizeEndpoint"), let clientId = located("clientId"),
            let redirect = located("redirectUri"), let intent = located("intentId"), let audience = located("audience"),
            let scope = located("scope"), let code = located("code")
        else { return nil }
        // These become environment variable names the runner and the scripts build other names from.
        for name in [located("saveAs"), code].compactMap({ $0 }) where !SpecDecoder.isFileStem(name.value) {
            reader.emit(
                .error(
                    "spec-invalid-value", "'\(name.value)' cannot name the consent's variable", at: name.location,
                    hint: "use letters, digits, '-', '_' and '.', e.g. 'accountsConsentUrl'"))
        }
        return Spec.Consent(
            authorizeEndpoint: authorize, clientId: clientId,
            responseType: located("responseType")?.value ?? "code id_token",
            scope: scope.value, redirectUri: redirect, intentId: intent, audience: audience,
            saveAs: located("saveAs")?.value ?? "consentUrl", codeVariable: code.value,
            check: fields["check"].flatMap { reader.bool($0, "'check'") } ?? true)
    }
}
