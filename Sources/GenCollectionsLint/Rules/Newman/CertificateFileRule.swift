import Foundation

/// Certificate-list paths that point at no file: Newman then sends the requests without a certificate.
public struct CertificateFileRule: LintRule {
    public static let description = RuleDescription(
        id: "certificate-file", name: "Certificate File", category: .newman, defaultSeverity: .note,
        summary: "The key, cert and pfx files of a certificate list must exist where newman runs",
        explanation: """
            Newman reads `key.src`, `cert.src` and `pfx.src` relative to the directory it runs in (not to the list, \
            and not to `--working-dir`), and a missing file does not fail the run: it logs a warning and sends the \
            request without a client certificate, so mutual TLS fails with an unrelated-looking TLS error. A path \
            counts as found when it exists relative to the list's directory (where gen-collections' runner runs \
            newman) or to the directory lint runs in. Certificates are usually kept out of the repository and \
            written just before the run, so this is a note by default; raise it to `error` in the \
            `.gen-collections.yml` of the job that runs newman, to catch a missing or misnamed file before the run.
            """,
        passing: [
            Example(
                #"[{"name": "mtls", "matches": ["https://*.example.com/*"], "key": {"src": "certs/client.key"}, "cert": "certs/client.crt"}]"#,
                .file("ssl-client-cert-list.json"), existingFiles: ["certs/client.key", "certs/client.crt"])
        ],
        failing: [
            Example(
                #"[{"name": "mtls", "matches": ["https://*.example.com/*"], "key": {"src": ↓"certs/client.key"}, "cert": {"src": "certs/client.crt"}}, {"name": "pfx", "matches": ["https://a.example.org/*"], "pfx": ↓"/Users/alice/client.p12"}]"#,
                .file("ssl-client-cert-list.json"), existingFiles: ["certs/client.crt"])
        ])

    public init() {}

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.kind == .certificateList, let exists = file.context.fileExists else { return [] }
        let document = file.document
        let listDirectory = (file.path as NSString).deletingLastPathComponent
        var findings: [Finding] = []
        for entry in document.elements(file.root) {
            let name = document.string(entry, "name") ?? "unnamed"
            for key in ["key", "cert", "pfx"] {
                guard let source = document.member(entry, key) else { continue }
                let node = document.kind(source) == .object ? document.member(source, "src") : source
                guard let node, let path = document.string(node), !path.isEmpty, !path.contains("{{") else { continue }
                var candidates = [path]
                if !path.hasPrefix("/") {
                    candidates = [(listDirectory as NSString).appendingPathComponent(path)]
                    if let working = file.context.workingDirectory {
                        candidates.append((working as NSString).appendingPathComponent(path))
                    }
                }
                guard !candidates.contains(where: exists) else { continue }
                findings.append(
                    file.finding(
                        at: node, "'\(key)' file '\(path)' of certificate entry '\(name)' does not exist",
                        hint: "newman reads it relative to the directory it runs in and, when it is missing, sends "
                            + "requests without a certificate; fix the path or create the file"))
            }
        }
        return findings
    }
}
