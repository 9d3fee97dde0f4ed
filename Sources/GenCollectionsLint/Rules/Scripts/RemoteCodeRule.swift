import Foundation
import GenCollectionsBase

/// Scripts that download code and run it with `eval`: whoever controls that URL runs code in every CI run.
public struct RemoteCodeRule: LintRule {
    public static let description = RuleDescription(
        id: "remote-code", name: "Remote Code", category: .scripts, defaultSeverity: .warning,
        summary: "Scripts should not download code and eval it",
        explanation: """
            A common recipe for signing in Postman fetches a library (jsrsasign, forge, ...) from a CDN with \
            `pm.sendRequest` and runs it with `eval` or `new Function`. Newman allows it, so every run executes \
            whatever that URL serves at that moment, with access to the environment's tokens and keys, and the run \
            fails when the CDN is unreachable. An unpinned URL (no version, or `@latest`) makes it worse: the code \
            can change under you. Store the library text in a variable (or a package the collection ships), pin \
            and check it, or sign outside Newman.
            """,
        passing: [
            Example(
                #"[{"name": "R", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": ["eval(pm.globals.get('jsrsasign'));"]}}]}]"#,
                .items)
        ],
        failing: [
            Example(
                #"[{"name": "R", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": [↓"pm.sendRequest('https://unpkg.com/jsrsasign/lib/jsrsasign-all-min.js', (e, r) => { eval(r.text()); });"]}}]}]"#,
                .items),
            Example(
                #"[{"name": "Load", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": [↓"pm.sendRequest('https://cdn.jsdelivr.net/npm/node-forge@1.3.1/dist/forge.min.js', (e, r) => pm.globals.set('forge', r.text()));"]}}]}, {"name": "Use", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": ["new Function(pm.globals.get('forge'))();"]}}]}]"#,
                .items),
        ])

    public init() {}

    private static let eval = ByteSearch.Needle("eval("), function = ByteSearch.Needle("new Function(")
    private static let sendRequest = ByteSearch.Needle("sendRequest")

    public func check(_ file: LintedFile) -> [Finding] {
        let evaluates = file.scripts.contains { script in
            ByteSearch.contains(script.text, Self.eval) || ByteSearch.contains(script.text, Self.function)
        }
        guard evaluates else { return [] }
        let document = file.document
        var findings: [Finding] = []
        for script in file.scripts where ByteSearch.contains(script.text, Self.sendRequest) {
            for line in script.lineNodes {
                guard let text = document.string(line), text.contains("sendRequest") else { continue }
                for url in Self.scriptURLs(in: text) {
                    let pinned = Self.isPinned(url)
                    findings.append(
                        file.finding(
                            at: line,
                            "a script downloads code from '\(url)' and the collection evals it"
                                + (pinned ? "" : "; the url pins no version, so each run may get different code"),
                            hint: "keep the library text in a variable or sign outside newman; at least pin and check "
                                + "the version"))
                }
            }
        }
        return findings
    }

    /// Quoted http(s) URLs in `text` that serve JavaScript (a `.js` path or a CDN host).
    static func scriptURLs(in text: String) -> [String] {
        var urls: [String] = []
        for quote in ["'", "\"", "`"] {
            for piece in text.components(separatedBy: quote).dropFirst() where piece.hasPrefix("http") {
                let lowered = piece.lowercased()
                let cdn = ["unpkg.com", "jsdelivr.net", "cdnjs.cloudflare.com", "raw.githubusercontent.com", "esm.sh"]
                if lowered.contains(".js") || cdn.contains(where: lowered.contains) { urls.append(piece) }
            }
        }
        return urls
    }

    /// Whether the URL names an exact version (`pkg@1.2.3`, `/ajax/libs/pkg/1.2.3/`).
    static func isPinned(_ url: String) -> Bool {
        if url.contains("@latest") { return false }
        if let at = url.range(of: "@", options: .backwards) {
            return url[at.upperBound...].first?.isNumber ?? false
        }
        return url.split(separator: "/").contains { segment in
            segment.split(separator: ".").count >= 2 && segment.allSatisfy { $0.isNumber || $0 == "." }
        }
    }
}
