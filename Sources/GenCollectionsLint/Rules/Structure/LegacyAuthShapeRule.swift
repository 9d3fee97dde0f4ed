/// v2.0-style auth parameters (`{key: value}`) inside a v2.1 collection.
public struct LegacyAuthShapeRule: LintRule {
    public static let description = RuleDescription(
        id: "legacy-auth-shape", name: "Legacy Auth Shape", category: .structure, defaultSeverity: .error,
        summary: "v2.1 collections write auth parameters as [{key, value, type}]",
        explanation: """
            Collection format v2.1.0 differs from v2.0.0 only in the auth parameter shape: v2.1 uses a list of \
            `{key, value, type}`, v2.0 a plain object. A v2.0 object in a v2.1 collection fails the official \
            schema and is read as legacy by some tools and not at all by others. Convert it to the list form, \
            or declare the collection v2.0.0.
            """,
        passing: [
            Example(
                #"{"url": "https://example.com", "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{t}}", "type": "string"}]}}"#
            ),
            Example(
                #"{"info": {"name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"}, "item": [{"name": "R", "request": {"url": "https://example.com", "auth": {"type": "bearer", "bearer": {"token": "{{t}}"}}}}]}"#,
                .file("example.postman_collection.json")),
        ],
        failing: [
            Example(#"{"url": "https://example.com", "auth": {"type": "bearer", "bearer": ↓{"token": "{{t}}"}}}"#)
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.kind == .collection(.v2_1) else { return [] }
        let document = file.document
        return AuthParameters.authNodes(in: file).compactMap { auth in
            guard let type = document.string(auth, "type"), let parameters = document.member(auth, type),
                document.kind(parameters) == .object
            else { return nil }
            return file.finding(
                at: parameters, "'\(type)' auth parameters use the v2.0 object form in a v2.1 collection",
                hint: "write them as [{\"key\": …, \"value\": …, \"type\": \"string\"}]")
        }
    }
}
