import GenCollectionsBase

/// What the permissive collection schema accepts but Postman or Newman mishandle.
public struct PostmanStructureRule: LintRule {
    public static let description = RuleDescription(
        id: "postman-structure", name: "Postman Structure", category: .structure, defaultSeverity: .error,
        summary: "Collections must use the shapes Postman and Newman act on, beyond what the schema checks",
        explanation: """
            The official schema is permissive, so several mistakes validate and then misbehave. A request with no \
            URL fails in Newman ("Invalid URI"). An event whose `listen` is not `prerequest` or `test` (`tests`, \
            `pre-request`) never runs, so its assertions silently pass. A script `type` other than \
            `text/javascript` is not run by Postman. An `info.schema` that is not a Postman collection schema URL \
            makes the Postman app refuse or misread the import. A header or variable with an empty key is sent or \
            defined as nothing useful.
            """,
        passing: [
            Example(
                #"[{"name": "R", "request": {"url": "https://example.com", "header": [{"key": "Accept", "value": "application/json"}]}, "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": ["pm.test('ok', () => pm.response.to.be.ok);"]}}, {"listen": "prerequest", "script": {"exec": [""]}}]}]"#,
                .items)
        ],
        failing: [
            Example(
                #"[{"name": "R", "request": ↓{"method": "GET", "header": [{"key": ↓"", "value": "x"}]}, "event": [{"listen": ↓"tests", "script": {"type": ↓"text/typescript", "exec": ["pm.test('ok', () => {});"]}}]}]"#,
                .items),
            Example(
                #"{"info": {"name": "C", "schema": ↓"https://example.com/my-schema.json"}, "variable": [{"key": ↓"", "value": "1"}], "item": [{"name": "R", "request": ↓""}]}"#,
                .file("example.postman_collection.json")),
        ])

    public init() {}

    /// Whether `schema` names a Postman collection schema (v2.0.0 or v2.1.0, any of its published URLs).
    static func isKnownSchema(_ schema: String) -> Bool {
        hosts.contains { ByteSearch.contains(schema, $0) } && versions.contains { ByteSearch.contains(schema, $0) }
    }

    private static let hosts = [ByteSearch.Needle("schema.getpostman.com"), ByteSearch.Needle("schema.postman.com")]
    private static let versions = [ByteSearch.Needle("v2.1.0"), ByteSearch.Needle("v2.0.0")]

    public func check(_ file: LintedFile) -> [Finding] {
        let emptyKeys = file.variableDefinitions.filter { $0.name.isBlank }.map { definition in
            file.finding(at: definition.keyNode, "a variable has an empty key", hint: "name it or remove it")
        }
        guard file.isCollection else { return emptyKeys }
        let document = file.document
        var findings = emptyKeys
        if let info = document.member(file.root, "info"), let schema = document.member(info, "schema"),
            let text = document.string(schema), !Self.isKnownSchema(text)
        {
            findings.append(
                file.finding(
                    at: schema, "info.schema '\(text)' is not a postman collection schema",
                    hint: "use 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'"))
        }
        for request in file.requests {
            if !hasURL(request, document) {
                findings.append(
                    file.finding(
                        at: request.node, "request '\(file.items[request.item].name ?? "")' has no url",
                        hint: "add a url; newman fails the request with 'Invalid URI'"))
            }
            for header in request.headers where header.key.isBlank {
                findings.append(
                    file.finding(at: header.keyNode, "a header has an empty key", hint: "name the header or remove it"))
            }
        }
        for script in file.scripts {
            if let listen = document.member(script.eventNode, "listen"), let value = document.string(listen),
                value != "prerequest", value != "test"
            {
                findings.append(
                    file.finding(
                        at: listen,
                        "event listen '\(value)' is neither 'prerequest' nor 'test', so the script never runs",
                        hint: value.lowercased().hasPrefix("pre") ? "write 'prerequest'" : "write 'test'"))
            }
            if let scriptNode = document.member(script.eventNode, "script"),
                let type = document.member(scriptNode, "type"), let value = document.string(type),
                value != "text/javascript"
            {
                findings.append(
                    file.finding(
                        at: type, "script type '\(value)' is not 'text/javascript', which postman runs",
                        hint: "write \"type\": \"text/javascript\" (or leave it out)"))
            }
        }
        return findings
    }

    private func hasURL(_ request: RequestFacts, _ document: JSONDocument) -> Bool {
        guard let url = request.urlNode else { return false }
        if let text = document.string(url) { return !text.isBlank }
        guard document.kind(url) == .object else { return true }  // wrong types are postman-schema's
        return !(document.string(url, "raw") ?? "").isBlank || document.member(url, "host") != nil
    }
}
