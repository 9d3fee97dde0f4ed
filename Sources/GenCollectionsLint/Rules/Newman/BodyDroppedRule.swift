import GenCollectionsBase

/// A body on GET (or COPY, HEAD, PURGE, UNLOCK), which Newman drops unless body pruning is disabled.
public struct BodyDroppedRule: LintRule {
    public static let description = RuleDescription(
        id: "body-dropped", name: "Body Dropped", category: .newman, defaultSeverity: .warning,
        summary: "Newman drops the body of GET, COPY, HEAD, PURGE and UNLOCK requests",
        explanation: """
            postman-runtime removes the body of GET, COPY, HEAD, PURGE and UNLOCK requests unless \
            `protocolProfileBehavior.disableBodyPruning` is true, so the server never sees it. Move the data to the \
            query string, change the method, or set `disableBodyPruning` if the API really wants a GET body.
            """,
        passing: [
            Example(#"{"method": "POST", "url": "https://example.com", "body": {"mode": "raw", "raw": "{}"}}"#),
            Example(
                #"[{"name": "R", "request": {"method": "GET", "url": "https://example.com", "body": {"mode": "raw", "raw": "{}"}}, "protocolProfileBehavior": {"disableBodyPruning": true}}]"#,
                .items),
            Example(#"{"method": "GET", "url": "https://example.com", "body": {"mode": "raw", "raw": ""}}"#),
        ],
        failing: [
            Example(#"{"method": "GET", "url": "https://example.com", "body": ↓{"mode": "raw", "raw": "{\"a\": 1}"}}"#)
        ])

    public init() {}

    private static let methods: Set<String> = ["GET", "COPY", "HEAD", "PURGE", "UNLOCK"]

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        return file.requests.compactMap { request in
            guard Self.methods.contains(request.method), let body = request.bodyNode, document.kind(body) == .object,
                !document.isTrue(body, "disabled"), let mode = document.string(body, "mode"),
                let content = document.member(body, mode), Self.hasContent(content, document),
                !pruningDisabled(item: request.item, file)
            else { return nil }
            return file.finding(
                at: body, "newman drops the \(mode) body of this \(request.method) request",
                hint: "send the data another way, or set protocolProfileBehavior.disableBodyPruning to true")
        }
    }

    private static func hasContent(_ node: Int, _ document: JSONDocument) -> Bool {
        switch document.kind(node) {
        case .string: return !(document.string(node) ?? "").isEmpty
        case .array: return !document.elements(node).isEmpty
        case .object: return !document.members(node).isEmpty
        default: return false
        }
    }

    /// The item, a folder above it, or the collection sets `disableBodyPruning: true`.
    private func pruningDisabled(item: Int, _ file: LintedFile) -> Bool {
        let document = file.document
        func disables(_ owner: Int) -> Bool {
            document.member(owner, "protocolProfileBehavior").map { document.isTrue($0, "disableBodyPruning") } ?? false
        }
        var current: Int? = item
        while let index = current {
            if disables(file.items[index].node) { return true }
            current = file.items[index].parent
        }
        return disables(file.root)
    }
}
