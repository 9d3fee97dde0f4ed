import GenCollectionsBase

/// The checks behind `postman-schema`, one function per schema definition.
struct SchemaValidator {
    let file: LintedFile
    var findings: [Finding] = []
    /// Stored, not read through `file` each time (that costs a retain and release per access).
    private let document: JSONDocument

    init(file: LintedFile) {
        self.file = file
        self.document = file.document
    }

    /// What the shapes come from, for hints (kept short: a hint per finding must not grow with the document).
    private var schemaName: String {
        switch file.kind {
        case .collection: return "the postman collection schema"
        case .certificateList: return "newman's --ssl-client-cert-list format"
        default: return "newman's environment format"
        }
    }

    // MARK: - Primitives

    // The allowed values, built once (a set literal in a check hashes its values at every call).
    private static let bodyModes: Set<String> = ["raw", "urlencoded", "formdata", "file", "graphql"]
    private static let authTypes: Set<String> = [
        "apikey", "awsv4", "basic", "bearer", "digest", "edgegrid", "hawk", "noauth", "oauth1", "oauth2", "ntlm",
    ]
    private static let collectionVariableTypes: Set<String> = ["string", "boolean", "any", "number"]
    private static let environmentVariableTypes: Set<String> = [
        "default", "secret", "any", "text", "string", "number", "boolean",
    ]

    private static func name(_ kind: JSONDocument.Kind) -> String {
        switch kind {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .true, .false: return "a boolean"
        case .null: return "null"
        }
    }

    /// Reports when `node` is not one of `kinds`; returns whether it is. `what` (here and below) is made only
    /// for a finding: nearly every check passes.
    @discardableResult
    private mutating func expect(
        _ node: Int?, _ kinds: [JSONDocument.Kind], _ what: @autoclosure () -> String
    ) -> Bool {
        guard let node else { return false }
        let kind = document.kind(node)
        let accepted = kinds.contains(kind) || (kinds.contains(.true) && kind == .false)
        if !accepted {
            let wanted = kinds.map(Self.name).joined(separator: " or ")
            findings.append(
                file.finding(
                    at: node, "\(what()) must be \(wanted), found \(Self.name(kind))",
                    hint: "make it \(wanted), as \(schemaName) requires"))
        }
        return accepted
    }

    private mutating func require(_ object: Int, _ key: String, in what: @autoclosure () -> String) -> Int? {
        if let value = document.member(object, key) { return value }
        findings.append(
            file.finding(
                at: object, "\(what()) is missing required '\(key)'",
                hint: "add '\(key)' (see the postman collection schema)"))
        return nil
    }

    private mutating func expectEnum(_ node: Int?, _ values: Set<String>, _ what: @autoclosure () -> String) {
        guard let node, expect(node, [.string], what()), let value = document.string(node), !values.contains(value)
        else {
            return
        }
        findings.append(
            file.finding(
                at: node, "\(what()) '\(value)' is not one of \(values.sorted().joined(separator: ", "))",
                hint: "use one of the values the schema allows"))
    }

    private mutating func each(
        _ node: Int?, _ what: @autoclosure () -> String, _ body: (inout SchemaValidator, Int) -> Void
    ) {
        guard let node, expect(node, [.array], what()) else { return }
        for element in document.elements(node) { body(&self, element) }
    }

    // MARK: - Collections

    mutating func collection() {
        let root = file.root
        guard expect(root, [.object], "a collection") else { return }
        if let info = require(root, "info", in: "the collection"), expect(info, [.object], "'info'") {
            if let name = require(info, "name", in: "'info'") { expect(name, [.string], "'info.name'") }
            if let schema = require(info, "schema", in: "'info'") { expect(schema, [.string], "'info.schema'") }
            expect(document.member(info, "description"), [.string, .object, .null], "'info.description'")
            expect(document.member(info, "version"), [.string, .object], "'info.version'")
        }
        if let items = require(root, "item", in: "the collection") { expect(items, [.array], "'item'") }
        common(root)
        for item in file.items { self.item(item) }
    }

    private mutating func common(_ owner: Int) {
        each(document.member(owner, "event"), "'event'") { $0.event($1) }
        each(document.member(owner, "variable"), "'variable'") { $0.variable($1) }
        if let auth = document.member(owner, "auth") { self.auth(auth) }
        expect(document.member(owner, "protocolProfileBehavior"), [.object], "'protocolProfileBehavior'")
        expect(document.member(owner, "description"), [.string, .object, .null], "'description'")
    }

    private mutating func item(_ item: CollectionItem) {
        let node = item.node
        guard expect(node, [.object], "an item") else { return }
        expect(item.nameNode, [.string], "an item's 'name'")
        let hasRequest = document.member(node, "request") != nil, hasItems = document.member(node, "item") != nil
        if !hasRequest, !hasItems {
            findings.append(
                file.finding(
                    at: node, "item '\(item.name ?? "")' has neither 'request' nor 'item'",
                    hint: "a request needs 'request'; a folder needs 'item'"))
        } else if hasRequest, hasItems {
            findings.append(
                file.finding(
                    at: node, "item '\(item.name ?? "")' has both 'request' and 'item'",
                    hint: "an item is either a request or a folder"))
        }
        common(node)
        each(document.member(node, "response"), "'response'") { $0.response($1) }
        if let items = item.itemsNode { expect(items, [.array], "a folder's 'item'") }
        if let request = item.requestNode { self.request(request) }
    }

    private mutating func request(_ node: Int) {
        guard expect(node, [.object, .string], "'request'"), document.kind(node) == .object else { return }
        expect(document.member(node, "method"), [.string], "'method'")
        if let header = document.member(node, "header"), expect(header, [.array, .string], "'header'") {
            for element in document.elements(header) {
                keyValue(element, "a header", keyRequired: true, valueRequired: true)
            }
        }
        if let url = document.member(node, "url") { self.url(url) }
        if let body = document.member(node, "body"), expect(body, [.object, .null], "'body'"),
            document.kind(body) == .object
        {
            expectEnum(document.member(body, "mode"), Self.bodyModes, "body mode")
            expect(document.member(body, "raw"), [.string], "'body.raw'")
            expect(document.member(body, "disabled"), [.true], "'body.disabled'")
            each(document.member(body, "urlencoded"), "'body.urlencoded'") {
                $0.keyValue($1, "a urlencoded field", keyRequired: true, valueRequired: false)
            }
            each(document.member(body, "formdata"), "'body.formdata'") { $0.expect($1, [.object], "a form field") }
        }
        if let auth = document.member(node, "auth") { self.auth(auth) }
        expect(document.member(node, "description"), [.string, .object, .null], "'description'")
    }

    /// A saved example: `code` is an integer (the schema says so; Postman shows nothing otherwise).
    private mutating func response(_ node: Int) {
        guard expect(node, [.object, .string], "a saved response"), document.kind(node) == .object else { return }
        if let code = document.member(node, "code"), expect(code, [.number], "a response's 'code'"),
            let text = document.numberText(code), text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
        {
            findings.append(
                file.finding(
                    at: code, "a response's 'code' must be an integer, found \(text)",
                    hint: "write the status code as an integer such as 200"))
        }
        expect(document.member(node, "status"), [.string], "a response's 'status'")
        if let original = document.member(node, "originalRequest") { request(original) }
    }

    private mutating func keyValue(_ node: Int, _ what: String, keyRequired: Bool, valueRequired: Bool) {
        guard expect(node, [.object], what) else { return }
        if let key = keyRequired ? require(node, "key", in: what) : document.member(node, "key") {
            expect(key, keyRequired ? [.string] : [.string, .null], "\(what)'s 'key'")
        }
        if let value = valueRequired ? require(node, "value", in: what) : document.member(node, "value") {
            expect(value, valueRequired ? [.string] : [.string, .null], "\(what)'s 'value'")
        }
        expect(document.member(node, "disabled"), [.true], "\(what)'s 'disabled'")
    }

    private mutating func url(_ node: Int) {
        guard expect(node, [.object, .string], "'url'"), document.kind(node) == .object else { return }
        for key in ["raw", "protocol", "port", "hash"] { expect(document.member(node, key), [.string], "'url.\(key)'") }
        if let host = document.member(node, "host"), expect(host, [.string, .array], "'url.host'") {
            for label in document.elements(host) { expect(label, [.string], "a host label") }
        }
        if let path = document.member(node, "path"), expect(path, [.string, .array], "'url.path'") {
            for segment in document.elements(path) { expect(segment, [.string, .object], "a path segment") }
        }
        each(document.member(node, "query"), "'url.query'") {
            $0.keyValue($1, "a query parameter", keyRequired: false, valueRequired: false)
        }
        each(document.member(node, "variable"), "'url.variable'") { $0.variable($1) }
    }

    private mutating func auth(_ node: Int) {
        guard expect(node, [.object, .null], "'auth'"), document.kind(node) == .object else { return }
        guard let type = require(node, "type", in: "'auth'") else { return }
        expectEnum(type, Self.authTypes, "auth type")
        guard let name = document.string(type), let parameters = document.member(node, name) else { return }
        if file.kind == .collection(.v2_0) {
            expect(parameters, [.object], "v2.0 '\(name)' auth parameters")
        } else if document.kind(parameters) == .array {
            for parameter in document.elements(parameters) where expect(parameter, [.object], "an auth parameter") {
                if let key = require(parameter, "key", in: "an auth parameter") {
                    expect(key, [.string], "an auth parameter's 'key'")
                }
            }
        }
    }

    private mutating func event(_ node: Int) {
        guard expect(node, [.object], "an event") else { return }
        if let listen = require(node, "listen", in: "an event") { expect(listen, [.string], "'listen'") }
        guard let script = document.member(node, "script"), expect(script, [.object], "'script'") else { return }
        if let exec = document.member(script, "exec"), expect(exec, [.string, .array], "'exec'") {
            for line in document.elements(exec) { expect(line, [.string], "a script line") }
        }
        expect(document.member(script, "type"), [.string], "'script.type'")
    }

    private mutating func variable(_ node: Int) {
        guard expect(node, [.object], "a variable") else { return }
        if document.member(node, "key") == nil, document.member(node, "id") == nil {
            findings.append(file.finding(at: node, "a variable needs 'key' (or 'id')", hint: "add \"key\": \"name\""))
        }
        expect(document.member(node, "key"), [.string], "a variable's 'key'")
        expectEnum(document.member(node, "type"), Self.collectionVariableTypes, "variable type")
        expect(document.member(node, "disabled"), [.true], "a variable's 'disabled'")
    }

    // MARK: - Environments, globals, certificate lists

    mutating func variableScope() {
        let root = file.root
        let values: Int?
        if document.kind(root) == .array {
            values = root
        } else {
            guard expect(root, [.object], "an environment") else { return }
            expect(document.member(root, "name"), [.string], "'name'")
            values = require(root, "values", in: "the environment")
        }
        each(values, "'values'") { validator, element in
            guard validator.expect(element, [.object], "a variable") else { return }
            if let key = validator.require(element, "key", in: "a variable") {
                validator.expect(key, [.string], "a variable's 'key'")
            }
            validator.expect(validator.document.member(element, "enabled"), [.true], "'enabled'")
            validator.expect(validator.document.member(element, "disabled"), [.true], "'disabled'")
            validator.expect(
                validator.document.member(element, "value"), [.string, .number, .true, .null], "a variable's 'value'")
            validator.expectEnum(
                validator.document.member(element, "type"), Self.environmentVariableTypes, "variable type")
        }
    }

    mutating func certificateList() {
        each(file.root, "a certificate list") { validator, entry in
            guard validator.expect(entry, [.object], "a certificate entry") else { return }
            if let matches = validator.require(entry, "matches", in: "a certificate entry"),
                validator.expect(matches, [.array], "'matches'")
            {
                for pattern in validator.document.elements(matches) {
                    validator.expect(pattern, [.string], "a match pattern")
                }
            }
            for key in ["key", "cert", "pfx"] {
                guard let source = validator.document.member(entry, key),
                    validator.expect(source, [.string, .object], "'\(key)'"), validator.document.kind(source) == .object
                else { continue }
                if let src = validator.require(source, "src", in: "'\(key)'") {
                    validator.expect(src, [.string], "'\(key).src'")
                }
            }
            validator.expect(validator.document.member(entry, "passphrase"), [.string], "'passphrase'")
        }
    }
}
