import GenCollectionsBase

/// Literal tokens, passwords and client secrets in a collection (scripts and saved examples included) or a
/// certificate list.
public struct HardcodedSecretRule: LintRule {
    public static let description = RuleDescription(
        id: "hardcoded-secret", name: "Hardcoded Secret", category: .secrets, defaultSeverity: .error,
        summary: "Tokens, passwords and client secrets must come from variables, not literals",
        explanation: """
            A literal bearer token, password, API key or client secret in a collection is committed with it, and \
            shared with everyone the collection is shared with; Newman needs none of them in the file, since it \
            resolves `{{variables}}` from `--env` and `--env-var`. Checked: auth parameters that hold secrets \
            (`apikey` values included), `Authorization` and API-key headers, secret-named query parameters (in the \
            parts and in `url.raw`), form, urlencoded and JSON body fields, the `originalRequest` of saved \
            examples, scripts that store a literal into a secret-named variable, a certificate list's \
            `passphrase`, and, anywhere in the file, signed JWTs and the token formats of AWS, GitHub, Slack, \
            Stripe and Google. Values that only hold a secret's place are not reported: numbers and \
            booleans (`accessTokenValidity: 3600`), `Bearer ` with nothing after it, `<API Key>` or `YOUR_TOKEN` \
            placeholders and upper-case descriptions. Use `{{variables}}` filled from an environment that is not \
            committed (or CI secrets) instead, and rotate the leaked value.
            """,
        passing: HardcodedSecretExamples.passing, failing: HardcodedSecretExamples.failing)

    public init() {}

    /// Auth parameters that hold secrets.
    static let secretParameters: Set<String> = [
        "token", "password", "clientSecret", "accessToken", "refreshToken", "secretKey", "sessionToken", "authKey",
        "consumerSecret", "tokenSecret", "secret", "privateKey", "client_secret", "apiKey",
    ]

    /// What a line that stores a variable contains (`.set(`, `setEnvironmentVariable(`, `setGlobalVariable(`).
    private static let setCalls = [".set(", "Variable("].map(ByteSearch.Needle.init)

    private static let hint =
        "use a {{variable}} filled from an uncommitted environment or CI secret, and rotate the value"

    public func check(_ file: LintedFile) -> [Finding] {
        if file.kind == .certificateList { return passphrases(file) }
        guard file.isCollection else { return [] }
        let document = file.document
        var findings: [Finding] = []
        // Values reported whole (a header, an auth parameter, a field): a provider token in them is not reported
        // again, nor one at the offset of an earlier finding (a query parameter inside a URL).
        var reportedNodes: Set<Int> = []
        func report(_ node: Int, _ what: String) {
            guard reportedNodes.insert(node).inserted else { return }
            findings.append(
                file.finding(at: node, "\(what) is a literal secret committed with the collection", hint: Self.hint))
        }
        let requests = file.requests + file.exampleRequests
        var headerKinds: [String: HeaderKind] = [:]
        var authNodes = AuthParameters.authNodes(in: file)
        authNodes += file.exampleRequests.compactMap(\.authNode).filter { document.kind($0) == .object }
        for auth in authNodes {
            let type = document.string(auth, "type") ?? ""
            for parameter in Postman.authParameters(of: auth, in: JSONDocumentTree(document))
            where Self.secretParameters.contains(parameter.key) || (type == "apikey" && parameter.key == "value") {
                if let value = document.string(parameter.value), SecretHeuristics.isLiteralSecret(value) {
                    report(parameter.value, "\(type) auth '\(parameter.key)'")
                }
            }
        }
        for request in requests {
            for header in request.headers {
                guard let value = header.value, let node = header.valueNode else { continue }
                // The name decides first (once per distinct name); only then is the value looked at.
                let kind = headerKinds[header.key] ?? Self.kind(ofHeader: header.key)
                headerKinds[header.key] = kind
                guard kind != .other, SecretHeuristics.isLiteralSecret(value) else { continue }
                if kind == .secret || SecretHeuristics.isHighEntropy(value) { report(node, "header '\(header.key)'") }
            }
            for (node, key) in bodyFields(of: request, in: file) {
                findings.append(
                    file.finding(
                        at: node, "body field '\(key)' is a literal secret committed with the collection",
                        hint: Self.hint))
            }
            if let url = request.urlNode { findings += queryFindings(url, in: file, reported: &reportedNodes) }
        }
        for script in file.scripts {
            findings += scriptFindings(script, in: file, reported: &reportedNodes)
        }
        let reportedOffsets = Set(findings.map(\.offset))
        for match in file.secretMatches
        where !reportedNodes.contains(match.node) && !reportedOffsets.contains(match.offset) {
            guard case let .token(name) = match.kind, !(name == "a JWT" && isDocumentation(match.node, file)) else {
                continue
            }
            findings.append(
                Finding(offset: match.offset, message: "\(name) is committed with the collection", hint: Self.hint))
        }
        return findings
    }

    /// What a header's name says about its value.
    enum HeaderKind { case secret, keyLike, other }

    static func kind(ofHeader name: String) -> HeaderKind {
        let key = name.lowercased()
        if key == "authorization" || key == "proxy-authorization" || SecretHeuristics.isSecretName(key) {
            return .secret
        }
        return isKeyLikeName(key) ? .keyLike : .other
    }

    /// Names of headers and query parameters that carry keys without saying "secret" (`Ocp-Apim-Subscription-Key`).
    private static func isKeyLikeName(_ lowered: String) -> Bool {
        (ByteSearch.contains(lowered, keyWord) || ByteSearch.contains(lowered, authWord))
            && !ByteSearch.contains(lowered, idempotencyWord)
    }

    private static let keyWord = ByteSearch.Needle("key"), authWord = ByteSearch.Needle("auth")
    private static let idempotencyWord = ByteSearch.Needle("idempotency")

    /// Saved response bodies and descriptions, where a sample JWT is documentation rather than a credential.
    private func isDocumentation(_ node: Int, _ file: LintedFile) -> Bool {
        let document = file.document
        func keyName(_ node: Int) -> String? {
            guard let parent = document.parent(node), document.kind(parent) == .object else { return nil }
            return document.string(node - 1)
        }
        var current = node
        while let parent = document.parent(current) {
            switch keyName(current) {
            case "description": return true
            case "body":
                // `response[n].body`: the parent is a response object inside a `response` array.
                if let list = document.parent(parent), keyName(list) == "response" { return true }
            default: break
            }
            current = parent
        }
        return false
    }

    /// Secret-named urlencoded and form fields, and members of a raw JSON body, with literal values.
    private func bodyFields(of request: RequestFacts, in file: LintedFile) -> [(node: Int, key: String)] {
        let document = file.document
        guard let body = request.bodyNode, let mode = document.string(body, "mode") else { return [] }
        if mode == "raw", let raw = document.member(body, "raw") {
            guard document.kind(raw) == .string,
                RawJSONFields.mayHoldSecretKey(document.bytes, document.byteRange(raw)),
                let text = document.string(raw)
            else { return [] }
            return RawJSONFields.secretFields(in: text).map { (raw, $0) }
        }
        guard mode == "urlencoded" || mode == "formdata", let list = document.member(body, mode) else { return [] }
        return document.elements(list).compactMap { field in
            guard let key = document.string(field, "key"), SecretHeuristics.isSecretName(key),
                let valueNode = document.member(field, "value"), let value = document.string(valueNode),
                SecretHeuristics.isLiteralSecret(value)
            else { return nil }
            return (valueNode, key)
        }
    }

    /// Secret-named query parameters with literal values, in the query parts and in the URL text (`raw`).
    private func queryFindings(_ url: Int, in file: LintedFile, reported: inout Set<Int>) -> [Finding] {
        let document = file.document
        var findings: [Finding] = []
        var reportedPairs: Set<String> = []
        func isSecretParameter(_ key: String, _ value: String) -> Bool {
            guard SecretHeuristics.isLiteralSecret(value) else { return false }
            let lowered = key.lowercased()
            return SecretHeuristics.isSecretName(key) || lowered == "access_token" || lowered == "code_verifier"
                || (Self.isKeyLikeName(lowered) && SecretHeuristics.isHighEntropy(value))
        }
        if let query = document.member(url, "query") {
            for parameter in document.elements(query) {
                guard let key = document.string(parameter, "key"), let valueNode = document.member(parameter, "value"),
                    let value = document.string(valueNode), isSecretParameter(key, value),
                    reported.insert(valueNode).inserted
                else { continue }
                reportedPairs.insert("\(key)=\(value)")
                findings.append(
                    file.finding(
                        at: valueNode, "query parameter '\(key)' is a literal secret committed with the collection",
                        hint: Self.hint))
            }
        }
        let textNode = document.kind(url) == .string ? url : document.member(url, "raw")
        // Most URLs have no query: look for a `?` in the file's bytes (unless escaped) before decoding the text.
        guard let textNode, document.kind(textNode) == .string,
            document.nodes[textNode].escaped || document.bytes[document.byteRange(textNode)].contains(0x3F),
            let text = document.string(textNode), let question = text.utf8.firstIndex(of: 0x3F)
        else {
            return findings
        }
        var position = text.utf8.distance(from: text.startIndex, to: question) + 1
        let fragment = text[text.utf8.index(after: question)...].prefix { $0 != "#" }
        for pair in fragment.split(separator: "&", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, isSecretParameter(String(parts[0]), String(parts[1])),
                !reportedPairs.contains(String(pair))
            {
                findings.append(
                    Finding(
                        offset: file.offset(inString: textNode, utf8Offset: position + parts[0].utf8.count + 1),
                        message: "query parameter '\(parts[0])' is a literal secret committed with the collection",
                        hint: Self.hint))
            }
            position += pair.utf8.count + 1
        }
        return findings
    }

    /// `pm.*.set('secretName', 'literal')` in scripts, reported at its line.
    private func scriptFindings(_ script: Script, in file: LintedFile, reported: inout Set<Int>) -> [Finding] {
        let document = file.document
        var findings: [Finding] = []
        for line in script.lineNodes {
            guard document.kind(line) == .string,
                ByteSearch.containsAny(document.bytes, document.byteRange(line), Self.setCalls),
                let text = document.string(line)
            else { continue }
            let names = ScriptVariables.calls(in: text).compactMap { call -> String? in
                guard
                    call.method == "set" || call.method == "setEnvironmentVariable"
                        || call.method == "setGlobalVariable",
                    case let .literal(name) = call.argument
                else { return nil }
                return name
            }
            for name in names where SecretHeuristics.isSecretName(name) && Self.setsLiteral(text, name: name) {
                reported.insert(line)
                findings.append(
                    file.finding(
                        at: line, "a script stores a literal value in secret variable '\(name)'",
                        hint: "take the value from the response or an uncommitted environment"))
            }
        }
        return findings
    }

    /// Whether the second argument after `name` is a quoted literal secret of at least four characters.
    private static func setsLiteral(_ text: String, name: String) -> Bool {
        for quote in ["'", "\"", "`"] {
            guard let range = text.range(of: "\(quote)\(name)\(quote)") else { continue }
            let rest = text[range.upperBound...].drop { $0 == " " }
            guard rest.first == "," else { return false }
            let argument = rest.dropFirst().drop { $0 == " " }
            guard let open = argument.first, "'\"`".contains(open) else { return false }
            let body = String(argument.dropFirst().prefix { $0 != open })
            return body.count >= 4 && !body.contains("{{") && !body.contains("${")
                && SecretHeuristics.isLiteralSecret(body)
        }
        return false
    }

    /// A literal `passphrase` in a Newman certificate list.
    private func passphrases(_ file: LintedFile) -> [Finding] {
        let document = file.document
        return document.elements(file.root).compactMap { entry in
            guard let node = document.member(entry, "passphrase"), let value = document.string(node),
                SecretHeuristics.isLiteral(value)
            else { return nil }
            let name = document.string(entry, "name") ?? "unnamed"
            return file.finding(
                at: node, "the passphrase of certificate entry '\(name)' is a literal secret committed with the file",
                hint: "keep the list out of the repository (write it in CI from a secret), or use a key without a "
                    + "passphrase stored as a CI secret; rotate the key")
        }
    }
}

/// Secret-named members with literal string values in a raw body that is JSON, found without building a tree.
enum RawJSONFields {
    /// Whether a body (its bytes in the file, escaped) has a member key that may name a secret: one pass for
    /// the `:` after each key, a look at the key's letters, and only then a real parse.
    static func mayHoldSecretKey(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var found = false
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            ByteSearch.offsets(of: UInt8(ascii: ":"), in: slice) { colon in
                guard !found else { return }
                var end = colon
                while end > 0, slice[end - 1] == 0x20 { end -= 1 }
                guard end > 0, slice[end - 1] == 0x22 else { return }  // the key's closing quote
                var start = end - 1
                while start > 0, slice[start - 1] != 0x22, end - start < 64 { start -= 1 }
                found = SecretHeuristics.mayBeSecretName(slice, (start)..<(end - 1))
            }
            return found
        }
    }

    /// The keys of `"secretName": "literal"` members.
    static func secretFields(in text: String) -> [String] {
        guard text.utf8.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) == UInt8(ascii: "{"),
            let document = try? JSONReader.parse(text)
        else { return [] }
        var keys: [String] = []
        for index in 0..<document.nodeCount where document.kind(index) == .object {
            for member in document.members(index) {
                guard let key = document.string(member.key), SecretHeuristics.isSecretName(key),
                    let value = document.string(member.value), SecretHeuristics.isLiteralSecret(value)
                else { continue }
                keys.append(key)
            }
        }
        return keys
    }
}
