/// Literal tokens, passwords and client secrets in a collection, scripts included.
public struct HardcodedSecretRule: LintRule {
    public static let description = RuleDescription(
        id: "hardcoded-secret", name: "Hardcoded Secret", category: .secrets, defaultSeverity: .error,
        summary: "Tokens, passwords and client secrets must come from variables, not literals",
        explanation: """
            A literal bearer token, password, API key or client secret in a collection is committed with it, and \
            shared with everyone the collection is shared with. Checked: auth parameters that hold secrets, \
            `Authorization` and API-key headers, secret-named query, form and urlencoded fields, JWT-looking \
            strings, and scripts that store a literal into a secret-named variable. Use `{{variables}}` filled \
            from an environment that is not committed (or CI secrets) instead, and rotate the leaked value.
            """,
        passing: [
            Example(
                #"{"url": "https://example.com", "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{accessToken}}"}]}, "header": [{"key": "Authorization", "value": "Basic {{basicToken}}"}]}"#
            )
        ],
        failing: [
            Example(
                #"{"url": "https://example.com", "auth": {"type": "basic", "basic": [{"key": "username", "value": "me"}, {"key": "password", "value": ↓"hunter2"}]}}"#
            ),
            Example(
                #"{"url": "https://example.com?api_key=↓abc123", "header": [{"key": "Authorization", "value": ↓"Bearer abc.def"}]}"#
            ),
            Example(
                #"{"method": "POST", "url": "https://example.com", "body": {"mode": "urlencoded", "urlencoded": [{"key": "client_secret", "value": ↓"s3cr3t"}]}}"#
            ),
            Example(
                #"[{"name": "R", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": [↓"pm.environment.set('clientSecret', 's3cr3t-value');"]}}]}]"#,
                .items),
        ])

    public init() {}

    /// Auth parameters that hold secrets, per auth type.
    private static let secretParameters: Set<String> = [
        "token", "password", "clientSecret", "accessToken", "refreshToken", "secretKey", "sessionToken", "authKey",
        "consumerSecret", "tokenSecret", "secret", "privateKey", "client_secret",
    ]

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.isCollection else { return [] }
        let document = file.document
        var findings: [Finding] = []
        func report(_ node: Int, _ what: String) {
            findings.append(
                file.finding(
                    at: node, "\(what) is a literal secret committed with the collection",
                    hint: "use a {{variable}} filled from an uncommitted environment or CI secret, and rotate the value"
                ))
        }
        for auth in AuthParameters.authNodes(in: file) {
            let type = document.string(auth, "type") ?? ""
            for parameter in AuthParameters.parameters(of: auth, in: document)
            where Self.secretParameters.contains(parameter.key) {
                if let value = document.string(parameter.value), SecretHeuristics.isLiteral(value) {
                    report(parameter.value, "\(type) auth '\(parameter.key)'")
                }
            }
        }
        for request in file.requests {
            for header in request.headers {
                guard let value = header.value, let node = header.valueNode, SecretHeuristics.isLiteral(value) else {
                    continue
                }
                let key = header.key.lowercased()
                if key == "authorization" || key == "proxy-authorization" || SecretHeuristics.isSecretName(key) {
                    report(node, "header '\(header.key)'")
                }
            }
            findings += fields(of: request, in: file)
            if let url = request.urlNode { findings += queryFindings(url, in: file) }
        }
        for script in file.scripts {
            findings += scriptFindings(script, in: file)
        }
        return findings
    }

    /// Secret-named urlencoded and form fields with literal values.
    private func fields(of request: RequestFacts, in file: LintedFile) -> [Finding] {
        let document = file.document
        guard let body = request.bodyNode, let mode = document.string(body, "mode"),
            mode == "urlencoded" || mode == "formdata",
            let list = document.member(body, mode)
        else { return [] }
        return document.elements(list).compactMap { field in
            guard let key = document.string(field, "key"), SecretHeuristics.isSecretName(key),
                let valueNode = document.member(field, "value"), let value = document.string(valueNode),
                SecretHeuristics.isLiteral(value)
            else { return nil }
            return file.finding(
                at: valueNode, "body field '\(key)' is a literal secret committed with the collection",
                hint: "use a {{variable}} filled from an uncommitted environment or CI secret, and rotate the value")
        }
    }

    /// Secret-named query parameters with literal values, in the URL string or the query parts.
    private func queryFindings(_ url: Int, in file: LintedFile) -> [Finding] {
        let document = file.document
        let hint = "use a {{variable}} filled from an uncommitted environment or CI secret, and rotate the value"
        if let query = document.member(url, "query") {
            return document.elements(query).compactMap { parameter in
                guard let key = document.string(parameter, "key"),
                    SecretHeuristics.isSecretName(key) || key == "access_token",
                    let valueNode = document.member(parameter, "value"), let value = document.string(valueNode),
                    SecretHeuristics.isLiteral(value)
                else { return nil }
                return file.finding(
                    at: valueNode, "query parameter '\(key)' is a literal secret committed with the collection",
                    hint: hint)
            }
        }
        guard let text = document.string(url), let question = text.firstIndex(of: "?") else { return [] }
        var findings: [Finding] = []
        var position = text.utf8.distance(from: text.startIndex, to: question) + 1
        for pair in text[text.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, SecretHeuristics.isSecretName(String(parts[0])),
                SecretHeuristics.isLiteral(String(parts[1]))
            {
                let offset = file.offset(inString: url, utf8Offset: position + parts[0].utf8.count + 1)
                findings.append(
                    Finding(
                        offset: offset,
                        message: "query parameter '\(parts[0])' is a literal secret committed with the collection",
                        hint: hint))
            }
            position += pair.utf8.count + 1
        }
        return findings
    }

    /// `pm.*.set('secretName', 'literal')` and JWT-looking strings in scripts, reported at their line.
    private func scriptFindings(_ script: Script, in file: LintedFile) -> [Finding] {
        let document = file.document
        var findings: [Finding] = []
        for line in script.lineNodes {
            guard let text = document.string(line) else { continue }
            if SecretHeuristics.looksLikeJWT(text) {
                findings.append(
                    file.finding(
                        at: line, "a script contains a literal JWT",
                        hint: "read tokens from variables; rotate the committed one"))
                continue
            }
            let names = ScriptVariables.calls(in: text)
                .filter {
                    $0.method == "set" || $0.method == "setEnvironmentVariable" || $0.method == "setGlobalVariable"
                }
                .map(\.argument)
            for name in names where SecretHeuristics.isSecretName(name) {
                if Self.setsLiteral(text, name: name) {
                    findings.append(
                        file.finding(
                            at: line, "a script stores a literal value in secret variable '\(name)'",
                            hint: "take the value from the response or an uncommitted environment"))
                }
            }
        }
        return findings
    }

    /// Whether the second argument after `name` is a quoted literal of at least four characters.
    private static func setsLiteral(_ text: String, name: String) -> Bool {
        for quote in ["'", "\"", "`"] {
            guard let range = text.range(of: "\(quote)\(name)\(quote)") else { continue }
            let rest = text[range.upperBound...].drop { $0 == " " }
            guard rest.first == "," else { return false }
            let argument = rest.dropFirst().drop { $0 == " " }
            guard let open = argument.first, "'\"`".contains(open) else { return false }
            let body = argument.dropFirst().prefix { $0 != open }
            return body.count >= 4 && !body.contains("{{") && !body.contains("${")
        }
        return false
    }
}
