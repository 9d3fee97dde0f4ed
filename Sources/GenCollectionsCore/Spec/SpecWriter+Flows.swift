extension SpecWriter.Writer {
    mutating func flow(_ flow: Spec.Flow) -> YAMLNode {
        var entries = [YAMLEntry("name", .string(flow.name.value)), YAMLEntry("key", .string(flow.key))]
        if let description = flow.description { entries.append(YAMLEntry("description", .string(description))) }
        if !flow.headerSets.isEmpty {
            entries.append(YAMLEntry("headerSets", Self.list(flow.headerSets.map(\.value))))
        }
        if let auth = flow.auth { entries.append(YAMLEntry("auth", Self.auth(auth))) }
        if let unsupported = flow.unsupported { entries.append(YAMLEntry("unsupported", .string(unsupported))) }
        if flow.once { entries.append(YAMLEntry("once", .plain("true"))) }
        if let scripts = Self.rawScripts(flow.scripts) { entries.append(YAMLEntry("scripts", scripts)) }
        var steps: [YAMLNode] = []
        for step in flow.steps { steps.append(self.step(step)) }
        entries.append(YAMLEntry("steps", .sequence(steps)))
        return .mapping(entries)
    }

    mutating func step(_ step: Spec.Step) -> YAMLNode {
        var entries = [YAMLEntry("name", .string(step.name.value)), YAMLEntry("key", .string(step.key))]
        if let description = step.description { entries.append(YAMLEntry("description", .string(description))) }
        if let consent = step.consent {
            entries.append(YAMLEntry("consent", Self.consent(consent)))
        } else {
            if step.method != "GET" { entries.append(YAMLEntry("method", .string(step.method))) }
            entries.append(YAMLEntry("url", .string(step.url.value)))
        }
        if !step.pathParams.isEmpty { entries.append(YAMLEntry("params", Self.namedValues(step.pathParams))) }
        if !step.query.isEmpty { entries.append(YAMLEntry("query", Self.namedValues(step.query))) }
        if let headerSets = step.headerSets {
            entries.append(YAMLEntry("headerSets", Self.list(headerSets.map(\.value))))
        }
        if !step.headers.isEmpty { entries.append(YAMLEntry("headers", Self.namedValues(step.headers))) }
        if let auth = step.auth { entries.append(YAMLEntry("auth", Self.auth(auth))) }
        if let body = step.body { entries.append(YAMLEntry("body", self.body(body))) }
        // A consent step never follows redirects; saying so again would only be noise.
        if let follow = step.followRedirects, !(step.consent != nil && !follow) {
            entries.append(YAMLEntry("followRedirects", .plain(follow ? "true" : "false")))
        }
        if !step.expect.isEmpty { entries.append(YAMLEntry("expect", Self.expectations(step.expect))) }
        if !step.captures.isEmpty {
            entries.append(
                YAMLEntry("capture", .mapping(step.captures.map { YAMLEntry($0.variable.value, Self.capture($0)) })))
        }
        if !step.prerequestScript.isEmpty {
            entries.append(YAMLEntry("prerequest", .sequence(step.prerequestScript.map(YAMLNode.string))))
        }
        if !step.testScript.isEmpty {
            entries.append(YAMLEntry("test", .sequence(step.testScript.map(YAMLNode.string))))
        }
        if let scripts = Self.rawScripts(step.scripts) { entries.append(YAMLEntry("scripts", scripts)) }
        if let unsupported = step.unsupported { entries.append(YAMLEntry("unsupported", .string(unsupported))) }
        if let response = step.response { entries.append(YAMLEntry("response", Self.response(response))) }
        return .mapping(entries)
    }

    // MARK: - Parts of a step

    /// `{prerequest: TEXT, test: TEXT}` (and `bankReason: false` at the top level); nil when there is nothing.
    static func rawScripts(_ scripts: Spec.RawScripts, bankReason: Bool = true) -> YAMLNode? {
        var entries: [YAMLEntry] = []
        if let text = scripts.prerequest { entries.append(YAMLEntry("prerequest", .string(text))) }
        if let text = scripts.test { entries.append(YAMLEntry("test", .string(text))) }
        if !bankReason { entries.append(YAMLEntry("bankReason", .plain("false"))) }
        return entries.isEmpty ? nil : .mapping(entries)
    }

    static func auth(_ auth: Spec.Auth) -> YAMLNode {
        switch auth {
        case .none: return .string("none")
        case .client: return .string("client")
        case let .bearer(token): return .mapping([YAMLEntry("bearer", .string(token.value))], style: .flow)
        case let .basicToken(token):
            return .mapping(
                [YAMLEntry("basic", .mapping([YAMLEntry("token", .string(token.value))], style: .flow))], style: .flow)
        case let .basic(username, password):
            let credentials = YAMLNode.mapping(
                [YAMLEntry("username", .string(username.value)), YAMLEntry("password", .string(password.value))],
                style: .flow)
            return .mapping([YAMLEntry("basic", credentials)], style: .flow)
        }
    }

    mutating func body(_ body: Spec.Body) -> YAMLNode {
        switch body {
        case let .json(value): return .mapping([YAMLEntry("json", anchors.node(value.value, key: "body"))])
        case let .form(fields): return .mapping([YAMLEntry("form", Self.namedValues(fields))])
        case let .raw(text, contentType):
            return .mapping([YAMLEntry("raw", .string(text.value)), YAMLEntry("contentType", .string(contentType))])
        }
    }

    static func response(_ response: Spec.ResponseExample) -> YAMLNode {
        var entries = [YAMLEntry("status", .plain(String(response.status)))]
        if !response.headers.isEmpty { entries.append(YAMLEntry("headers", namedValues(response.headers))) }
        switch response.body {
        case let .json(value)?: entries.append(YAMLEntry("json", JSONAnchors.plainNode(value)))
        case let .text(text)?: entries.append(YAMLEntry("text", .string(text)))
        case nil: break
        }
        return .mapping(entries)
    }

    static func expectations(_ expect: Spec.Expectations) -> YAMLNode {
        var entries: [YAMLEntry] = []
        if !expect.status.isEmpty {
            let codes = expect.status.map { YAMLNode.plain(String($0)) }
            entries.append(YAMLEntry("status", codes.count == 1 ? codes[0] : .sequence(codes, style: .flow)))
        }
        for (key, checks) in [("json", expect.json), ("headers", expect.headers)] where !checks.isEmpty {
            entries.append(YAMLEntry(key, .mapping(checks.map { YAMLEntry($0.path.value, check($0.check)) })))
        }
        return .mapping(entries)
    }

    static func check(_ check: Spec.FieldExpectation.Check) -> YAMLNode {
        switch check {
        case .present: return .string("present")
        case .absent: return .string("absent")
        case let .equals(value): return .mapping([YAMLEntry("equals", JSONAnchors.plainNode(value))], style: .flow)
        case let .oneOf(values):
            return .mapping(
                [YAMLEntry("oneOf", .sequence(values.map(JSONAnchors.plainNode), style: .flow))], style: .flow)
        }
    }

    static func capture(_ capture: Spec.Capture) -> YAMLNode {
        let (kind, text): (String, String)
        switch capture.source {
        case let .json(path): (kind, text) = ("json", path.description)
        case let .header(name): (kind, text) = ("header", name)
        case let .redirect(name): (kind, text) = ("redirect", name)
        case .body: (kind, text) = ("body", "text")
        }
        return .mapping([YAMLEntry(kind, .string(text))], style: .flow)
    }

    static func consent(_ consent: Spec.Consent) -> YAMLNode {
        .mapping(
            [
                YAMLEntry("authorizeEndpoint", .string(consent.authorizeEndpoint.value)),
                YAMLEntry("clientId", .string(consent.clientId.value)),
                YAMLEntry("responseType", .string(consent.responseType)),
                YAMLEntry("scope", .string(consent.scope)),
                YAMLEntry("redirectUri", .string(consent.redirectUri.value)),
                YAMLEntry("intentId", .string(consent.intentId.value)),
                YAMLEntry("audience", .string(consent.audience.value)),
                YAMLEntry("saveAs", .string(consent.saveAs)),
                YAMLEntry("code", .string(consent.codeVariable)),
            ] + (consent.check ? [] : [YAMLEntry("check", .plain("false"))]))
    }
}
