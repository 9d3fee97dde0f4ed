/// Structure as the official collection schemas (and Newman, for environments and certificate lists) require.
public struct PostmanSchemaRule: LintRule {
    public static let description = RuleDescription(
        id: "postman-schema", name: "Postman Schema", category: .format, defaultSeverity: .error,
        summary: "Files must have the structure the Postman schemas and Newman expect",
        explanation: """
            Checks what the official collection schemas v2.0.0 and v2.1.0 require (in `info`, items, folders, \
            requests, URLs, headers, bodies, auth, events and variables: required keys, types and enumerations), \
            and the shapes Newman reads for environments, globals and `--ssl-client-cert-list` files. A file \
            that fails here is rejected or misread by Postman or Newman: saved responses need integer codes, \
            environment values are strings, numbers, booleans or null with a type Postman knows, and a certificate \
            list must be an array (Newman stops with "expected ssl client certificates list to be an array"). v2.0-style auth inside a v2.1 collection \
            is reported by `legacy-auth-shape` instead.
            """,
        passing: [
            Example(
                #"{"method": "POST", "header": [{"key": "a", "value": "b"}], "url": {"raw": "https://example.com", "host": ["example", "com"], "protocol": "https"}, "body": {"mode": "raw", "raw": "{}"}}"#
            )
        ],
        failing: [
            Example(
                #"{"method": "GET", "header": [{"key": "a", "value": ↓1}, ↓{"value": "b"}], "url": "https://example.com", "body": {"mode": ↓"json"}}"#
            ),
            Example(
                #"{"info": ↓{"name": "C"}, "item": [↓{"name": "neither request nor folder"}]}"#,
                .file("example.postman_collection.json")),
            Example(
                #"{"name": "Env", "values": [{"key": "a", "value": "1", "enabled": ↓"yes"}, ↓{"value": "2"}, {"key": "b", "value": ↓{"x": 1}, "type": ↓"password"}]}"#,
                .file("example.postman_environment.json")),
            Example(
                #"[{"name": "R", "request": "https://example.com", "response": [{"name": "OK", "code": ↓"200"}, {"name": "Created", "code": ↓201.5}]}]"#,
                .items),
            Example(
                #"↓{"name": "mtls", "matches": ["https://example.com/*"], "pfx": {"src": "c.p12"}}"#,
                .file("ssl-client-cert-list.json")),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        var validator = SchemaValidator(file: file)
        switch file.kind {
        case .collection: validator.collection()
        case .environment, .globals: validator.variableScope()
        case .certificateList: validator.certificateList()
        default: break
        }
        return validator.findings
    }
}
