import GenCollectionsBase
import GenCollectionsCore

/// A request whose base URL variable, as the `--env` file sets it, is an https host no certificate entry covers.
public struct CertificateHostRule: LintRule {
    public static let description = RuleDescription(
        id: "certificate-host", name: "Certificate Host", category: .newman, defaultSeverity: .error,
        summary: "The bank hosts the environment sets must be covered by the certificate list",
        explanation: """
            A request URL that starts with a variable (`{{rs}}/accounts`) goes where the environment says. When an \
            `--env` file sets that variable to an https URL that no entry of the certificate lists in the \
            collection's directory matches, Newman sends the request without a client certificate and a bank \
            behind mutual TLS refuses the handshake (`alert certificate required`). This happens when the \
            environment was filled from the bank's helper file (hosts on another domain, an IP address or a \
            port other than 443) but the certificate list was made for the spec's default hosts. Run \
            `gen-collections generate --env FILE` again, so the list follows the hosts, or add the host to an \
            entry's `matches`. Reported once per variable, at the first request that uses it.
            """,
        passing: [
            Example(
                #"{"url": "{{rs}}/accounts"}"#, environment: ["rs=https://127.0.0.1:8443"],
                certificates: ["https://127.0.0.1:8443/*"]),
            Example(
                #"{"url": "{{rs}}/accounts"}"#, environment: ["rs=https://rs1.bank.example"],
                certificates: ["https://*.bank.example/*"]),
            Example(
                #"{"url": "{{rs}}/accounts"}"#, environment: ["rs=http://localhost:8080"],
                certificates: ["https://*.bank.example/*"]),
        ],
        failing: [
            Example(
                #"{"url": ↓"{{rs}}/accounts"}"#, environment: ["rs=https://127.0.0.1:8443"],
                certificates: ["https://*.bank.example/*"]),
            Example(
                #"{"url": ↓"{{rs}}/accounts"}"#, environment: ["rs=https://rs1.bank.example:8443"],
                certificates: ["https://*.bank.example/*"]),
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        let values = file.context.environmentValues
        guard file.isCollection, !values.isEmpty else { return [] }
        let lists = CertificateList.applicable(file.context.certificateLists, to: file.path)
        guard !lists.isEmpty else { return [] }
        let document = file.document
        var reported: Set<String> = []
        return file.requests.compactMap { request in
            guard let url = request.urlNode else { return nil }
            let text = file.urlText(url)
            guard text.hasPrefix("{{"), let close = text.range(of: "}}") else { return nil }
            let name = String(text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound])
            guard !reported.contains(name), let value = values[name], value.lowercased().hasPrefix("https://")
            else { return nil }
            let parts = URLParts(value + text[close.upperBound...])
            guard !parts.host.isEmpty, !parts.host.contains(where: { $0.contains("{{") }),
                !lists.contains(where: { $0.firstEntry(matching: parts) != nil })
            else { return nil }
            reported.insert(name)
            let node = document.kind(url) == .object ? (document.member(url, "raw") ?? url) : url
            let authority = parts.host.joined(separator: ".") + (parts.port.map { ":\($0)" } ?? "")
            let named = lists.map { "'\($0.path)'" }.joined(separator: ", ")
            return file.finding(
                at: node,
                "'{{\(name)}}' is '\(value)' in the environment, and no entry of \(named) covers it: "
                    + "newman sends no client certificate there",
                hint: "run 'gen-collections generate --env FILE' again so the list follows the hosts, or add "
                    + "'https://\(authority.lowercased())/*' to an entry's matches")
        }
    }
}
