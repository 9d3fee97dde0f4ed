import GenCollectionsBase

/// The JavaScript of the generated pre-request and test scripts, for Newman 6 (postman-sandbox 4.7): plain
/// ES2017, `require("uuid")` and `require("buffer")` only, no promises from `pm.sendRequest`.
enum Scripts {
    /// Collection-level pre-request script: fresh values for the spec's generated variables before every request.
    static func generatedVariables(_ variables: [Spec.Variable]) -> [String] {
        let generated = variables.filter { $0.generate != nil }
        guard !generated.isEmpty else { return [] }
        var lines = ["// Fresh values before every request, for the variables the spec marks 'generate'."]
        for variable in generated {
            let name = JSONValue.quoted(variable.name.value)
            switch variable.generate! {
            case .uuid: lines.append("pm.variables.set(\(name), require(\"uuid\").v4());")
            case .httpDate: lines.append("pm.variables.set(\(name), new Date().toUTCString());")
            case .isoDateTime: lines.append("pm.variables.set(\(name), new Date().toISOString());")
            case .epochSeconds: lines.append("pm.variables.set(\(name), String(Math.floor(Date.now() / 1000)));")
            }
        }
        return lines
    }

    /// The test script of a step: status, field checks, then captures, each a named `pm.test`.
    static func tests(for step: Spec.Step) -> [String] {
        var lines: [String] = []
        let expect = step.expect
        let usesJSON =
            !expect.json.isEmpty
            || step.captures.contains { if case .json = $0.source { return true } else { return false } }
        let usesRedirect = step.captures.contains {
            if case .redirect = $0.source { return true } else { return false }
        }
        if usesJSON {
            lines += [
                "function valueAt(path) {",
                "    var node;",
                "    try { node = pm.response.json(); } catch (error) { return undefined; }",
                "    for (var i = 0; i < path.length; i++) {",
                "        if (node === null || typeof node !== \"object\") { return undefined; }",
                "        node = node[path[i]];",
                "    }",
                "    return node;",
                "}",
            ]
        }
        if usesRedirect {
            lines += [
                "// The redirect's parameters: the fragment for `code id_token`, else the query.",
                "function redirectParameter(name) {",
                "    var location = pm.response.headers.get(\"Location\") || \"\";",
                "    var parts = [location.split(\"#\")[1], (location.split(\"#\")[0].split(\"?\")[1])];",
                "    for (var p = 0; p < parts.length; p++) {",
                "        var pairs = (parts[p] || \"\").split(\"&\");",
                "        for (var i = 0; i < pairs.length; i++) {",
                "            var pair = pairs[i].split(\"=\");",
                "            if (decodeURIComponent(pair[0]) === name) { return decodeURIComponent((pair[1] || \"\").replace(/\\+/g, \" \")); }",
                "        }",
                "    }",
                "    return undefined;",
                "}",
            ]
        }
        if !expect.status.isEmpty {
            let codes = expect.status.map(String.init).joined(separator: ", ")
            let title = expect.status.count == 1 ? "status is \(codes)" : "status is one of \(codes)"
            test(
                title,
                ["pm.expect(pm.response.code, pm.variables.get(\(bankReasonVariable))).to.be.oneOf([\(codes)]);"],
                to: &lines)
        }
        for check in expect.json {
            let path = JSONPath(check.path.value)!
            test(
                title(check, subject: check.path.value),
                assertion(check.check, value: "valueAt(\(path.javaScriptArray))"), to: &lines)
        }
        for check in expect.headers {
            let header = "pm.response.headers.get(\(JSONValue.quoted(check.path.value)))"
            test(title(check, subject: "header \(check.path.value)"), assertion(check.check, value: header), to: &lines)
        }
        for capture in step.captures {
            let value: String
            switch capture.source {
            case let .json(path): value = "valueAt(\(path.javaScriptArray))"
            case let .header(name): value = "pm.response.headers.get(\(JSONValue.quoted(name)))"
            case let .redirect(name): value = "redirectParameter(\(JSONValue.quoted(name)))"
            case .body: value = "pm.response.text()"
            }
            let variable = JSONValue.quoted(capture.variable.value)
            test(
                "saves \(capture.variable.value)",
                [
                    "var value = \(value);",
                    "pm.expect(value, \(JSONValue.quoted("\(capture.variable.value) in the response"))).to.not.be.oneOf([undefined, null, \"\"]);",
                    "pm.environment.set(\(variable), typeof value === \"string\" ? value : JSON.stringify(value));",
                ], to: &lines)
        }
        if !step.testScript.isEmpty {
            lines += ["// From the spec."] + step.testScript
        }
        return lines
    }

    /// Local variable the collection's test script fills with the bank's reason for a failed request.
    static let bankReasonVariable = JSONValue.quoted("gen-collections.bankReason")

    /// Collection-level test script, run before each request's own: a failed request's reason as the bank gave it
    /// (Open Banking `Errors[].ErrorCode` and `Message`, or OAuth's `error` and `error_description`), which the
    /// status test prints next to the status.
    static let bankReason: [String] = [
        "// A failed request's reason as the bank gave it, for the status test's message.",
        "var bankReason;",
        "if (pm.response.code >= 400) {",
        "    var body;",
        "    try { body = pm.response.json(); } catch (error) { body = undefined; }",
        "    var reasons = [];",
        "    if (body && typeof body === \"object\") {",
        "        (Array.isArray(body.Errors) ? body.Errors : []).forEach(function (item) {",
        "            if (item && typeof item === \"object\") {",
        "                reasons.push([item.ErrorCode, item.Message].filter(function (part) { return typeof part === \"string\"; }).join(\": \"));",
        "            }",
        "        });",
        "        if (typeof body.error === \"string\") {",
        "            reasons.push(body.error + (typeof body.error_description === \"string\" ? \": \" + body.error_description : \"\"));",
        "        }",
        "    }",
        "    var reason = reasons.filter(Boolean).join(\"; \");",
        "    bankReason = \"the bank answered \" + pm.response.code + (reason ? \" (\" + reason.slice(0, 300) + \")\" : \"\");",
        "}",
        "pm.variables.set(\(bankReasonVariable), bankReason);",
    ]

    /// The consent step's test script, before the spec's checks: the bank's answer to the consent URL, its redirect
    /// not followed. An OAuth error (in the redirect or the body) fails the step and is saved in `<saveAs>Error`
    /// for the runner; a redirect with a code means the bank approved without a login page (headless), and the code
    /// is saved for the runner to use.
    static func consentCheck(_ consent: Spec.Consent) -> [String] {
        let quoted = { (text: String) in JSONValue.quoted(text) }
        return [
            "// The bank's answer to the consent URL (its redirect not followed): an OAuth error fails the step;",
            "// a code means the bank approved without a login page (headless), and the runner uses it.",
            "var answer = {};",
            "var location = pm.response.headers.get(\"Location\") || \"\";",
            "[location.split(\"#\")[1], location.split(\"#\")[0].split(\"?\")[1]].forEach(function (part) {",
            "    (part || \"\").split(\"&\").forEach(function (pair) {",
            "        var at = pair.indexOf(\"=\");",
            "        if (at < 0) { return; }",
            "        try {",
            "            var key = decodeURIComponent(pair.slice(0, at));",
            "            if (!(key in answer)) { answer[key] = decodeURIComponent(pair.slice(at + 1).replace(/\\+/g, \" \")); }",
            "        } catch (error) { /* not percent-encoded: ignored */ }",
            "    });",
            "});",
            "var body;",
            "try { body = pm.response.json(); } catch (error) { body = undefined; }",
            "if (!answer.error && body && typeof body === \"object\" && typeof body.error === \"string\") {",
            "    answer.error = body.error;",
            "    answer.error_description = body.error_description;",
            "}",
            "if (!answer.error && pm.response.code >= 400) { answer.error = \"HTTP \" + pm.response.code; }",
            "var refusal = answer.error ? answer.error + (typeof answer.error_description === \"string\" ? \": \" + answer.error_description : \"\") : \"\";",
            "if (refusal) { pm.environment.set(\(quoted(consent.saveAs + "Error")), refusal.slice(0, 500)); }",
            "pm.test(\"the bank accepts the consent request\", function () {",
            "    pm.expect(refusal, \"the bank refused the consent request\").to.equal(\"\");",
            "});",
            "if (!refusal && answer.code) {",
            "    pm.test(\"the bank approved without a login page: the runner uses its code\", function () {",
            "        pm.expect(answer.state, \"state in the redirect\").to.equal(pm.environment.get(\(quoted(consent.saveAs + "State"))));",
            "        pm.environment.set(\(quoted(consent.codeVariable)), answer.code);",
            "    });",
            "}",
        ]
    }

    /// The consent step's pre-request script: a request object carrying the consent id as `openbanking_intent_id`,
    /// and the authorisation URL saved for the runner. Unsigned (`alg: none`), the object ends with a `.`. Signed
    /// (PS256), it is left to the runner, as Newman cannot sign RSA: the script saves the JWS signing input in
    /// `<saveAs>SigningInput` and the URL without its `request` parameter in `<saveAs>WithoutRequest`, and skips
    /// the authorisation-server check (see docs/certificates-and-runner.md).
    static func consent(_ consent: Spec.Consent, requestObject: Spec.RequestObject = .init()) -> [String] {
        func resolved(_ text: Located<String>) -> String { "pm.variables.replaceIn(\(JSONValue.quoted(text.value)))" }
        let quoted = { (text: String) in JSONValue.quoted(text) }
        let acr = requestObject.acr.map { quoted($0) }.joined(separator: ", ")
        let idToken =
            acr.isEmpty
            ? "{ openbanking_intent_id: intent }"
            : "{ openbanking_intent_id: intent, acr: { essential: true, values: [\(acr)] } }"
        var lines = [
            "// Builds the PSU consent URL; the runner prints it from the environment variable \(commentText(consent.saveAs)).",
            "var uuid = require(\"uuid\");",
            "var Buffer = require(\"buffer\").Buffer;",
            "function base64url(text) {",
            "    return Buffer.from(text, \"utf8\").toString(\"base64\").replace(/\\+/g, \"-\").replace(/\\//g, \"_\").replace(/=+$/, \"\");",
            "}",
            "var clientId = \(resolved(consent.clientId));",
            "var intentId = \(resolved(consent.intentId));",
            "var now = Math.floor(Date.now() / 1000);",
            "var parameters = {",
            "    client_id: clientId,",
            "    response_type: \(quoted(consent.responseType)),",
            "    scope: \(quoted(consent.scope)),",
            "    redirect_uri: \(resolved(consent.redirectUri)),",
            "    state: uuid.v4(),",
            "    nonce: uuid.v4()",
            "};",
            "var intent = { value: intentId, essential: true };",
            "var claims = {",
            "    iss: clientId, aud: \(resolved(consent.audience)), response_type: parameters.response_type,",
            "    client_id: clientId, redirect_uri: parameters.redirect_uri, scope: parameters.scope,",
            "    state: parameters.state, nonce: parameters.nonce, nbf: now, exp: now + \(requestObject.lifetime),",
        ]
        if let maxAge = requestObject.maxAge { lines.append("    max_age: \(maxAge),") }
        lines += [
            "    claims: {",
            "        userinfo: { openbanking_intent_id: intent },",
            "        id_token: \(idToken)",
            "    }",
            "};",
        ]
        if !requestObject.claims.isEmpty {
            lines += [
                "// More claims from the spec; their strings may hold {{variables}}.",
                "function resolved(value) {",
                "    if (typeof value === \"string\") { return pm.variables.replaceIn(value); }",
                "    if (Array.isArray(value)) { return value.map(resolved); }",
                "    if (value === null || typeof value !== \"object\") { return value; }",
                "    var copy = {};",
                "    Object.keys(value).forEach(function (key) { copy[key] = resolved(value[key]); });",
                "    return copy;",
                "}",
            ]
            lines += requestObject.claims.map {
                "claims[\(quoted($0.name.value))] = resolved(\($0.value.rendered(indent: nil)));"
            }
        }
        let query = [
            "var query = Object.keys(parameters).map(function (key) {",
            "    return encodeURIComponent(key) + \"=\" + encodeURIComponent(parameters[key]);",
            "}).join(\"&\");",
            "var authorize = \(resolved(consent.authorizeEndpoint));",
        ]
        let url = "authorize + (authorize.indexOf(\"?\") < 0 ? \"?\" : \"&\") + query"
        switch requestObject.signing {
        case .none:
            lines += [
                "parameters.request = base64url(JSON.stringify({ alg: \"none\" })) + \".\" + base64url(JSON.stringify(claims)) + \".\";"
            ]
            lines += query
            lines.append("pm.environment.set(\(quoted(consent.saveAs)), \(url));")
        case let .ps256(key):
            let withoutRequest = consent.saveAs + "WithoutRequest", signingInput = consent.saveAs + "SigningInput"
            lines += [
                "// The bank takes PS256-signed request objects, and Newman cannot sign RSA: the runner signs",
                "// \(commentText(signingInput)) with the spec's key, then sets \(commentText(consent.saveAs)) to",
                "// \(commentText(withoutRequest)) + \"&request=\" + the JWS (docs/certificates-and-runner.md).",
                "var header = { alg: \"PS256\", kid: \(resolved(key.kid)) };",
            ]
            lines += query
            lines += [
                "pm.environment.unset(\(quoted(consent.saveAs)));",
                "pm.environment.set(\(quoted(withoutRequest)), \(url));",
                "pm.environment.set(\(quoted(signingInput)), base64url(JSON.stringify(header)) + \".\" + base64url(JSON.stringify(claims)));",
            ]
        }
        lines += [
            "pm.environment.set(\(quoted(consent.saveAs + "State")), parameters.state);",
            "// A code or a refusal from an earlier consent must not be taken for this one's.",
            "pm.environment.unset(\(quoted(consent.codeVariable)));",
            "pm.environment.unset(\(quoted(consent.saveAs + "Error")));",
        ]
        if case .ps256 = requestObject.signing {
            lines += [
                "// Unsigned, the request would only be refused: the bank checks the signed one when the PSU opens it.",
                "console.log(\"the request object must be signed (PS256) by the runner; skipping the authorisation server check\");",
                "pm.execution.skipRequest();",
            ]
        } else if !consent.check {
            lines += [
                "// The spec says check: false: the URL is the PSU's alone.",
                "pm.execution.skipRequest();",
            ]
        }
        return lines
    }

    // MARK: - Pieces

    /// Spec text inside a `//` comment: escaped as in a JSON string, so no line break can end the comment.
    static func commentText(_ text: String) -> String { String(JSONValue.quoted(text).dropFirst().dropLast()) }

    /// An expected value as JavaScript; a string holding `{{variables}}` is resolved when the test runs.
    private static func javaScript(_ value: JSONValue) -> String {
        if case let .string(text) = value, text.contains("{{") {
            return "pm.variables.replaceIn(\(JSONValue.quoted(text)))"
        }
        return value.rendered(indent: nil)
    }

    /// Appends a `pm.test` block (into `lines`: a step's tests are built by appending, not by joining arrays).
    private static func test(_ title: String, _ body: [String], to lines: inout [String]) {
        lines.append("pm.test(\(JSONValue.quoted(title)), function () {")
        for line in body { lines.append("    " + line) }
        lines.append("});")
    }

    private static func title(_ check: Spec.FieldExpectation, subject: String) -> String {
        switch check.check {
        case .present: return "\(subject) is present"
        case .absent: return "\(subject) is absent"
        case let .equals(value): return "\(subject) is \(value.rendered(indent: nil))"
        case let .oneOf(values):
            return "\(subject) is one of \(values.map { $0.rendered(indent: nil) }.joined(separator: ", "))"
        }
    }

    private static func assertion(_ check: Spec.FieldExpectation.Check, value: String) -> [String] {
        switch check {
        case .present: return ["pm.expect(\(value)).to.not.be.oneOf([undefined, null]);"]
        case .absent: return ["pm.expect(\(value)).to.be.oneOf([undefined, null]);"]
        case let .equals(expected): return ["pm.expect(\(value)).to.eql(\(javaScript(expected)));"]
        case let .oneOf(options):
            return ["pm.expect(\(value)).to.be.oneOf([\(options.map(javaScript).joined(separator: ", "))]);"]
        }
    }
}
