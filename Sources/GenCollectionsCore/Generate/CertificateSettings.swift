import GenCollectionsBase
import Foundation
import Mustache

/// Certificate settings from the spec's `tls`: Newman's certificate list and notes for the Postman app.
///
/// The list never holds a passphrase: `run-newman.sh` adds it at run time from the variable named by
/// `passphraseEnv`, into a copy it hands Newman on a pipe.
public enum CertificateSettings {
    /// File name of Newman's `--ssl-client-cert-list`, in the output folder.
    public static let certificateListFile = "ssl-client-cert-list.json"
    /// File name of the notes for the Postman app's certificate settings.
    public static let notesFile = "CERTIFICATES.md"

    /// The certificate list and the notes, or nothing when the spec has no `tls`.
    /// - Throws: `DiagnosticsError` when a `hosts` entry is neither a spec host nor a host pattern.
    public static func artifacts(for spec: Spec, includeUnsupported: Bool = false) throws -> [Artifact] {
        guard let tls = spec.tls else { return [] }
        try validateHosts(tls, in: spec)
        var artifacts: [Artifact] = []
        if !tls.clientCertificates.isEmpty {
            artifacts.append(Artifact(path: certificateListFile, contents: certificateList(tls, spec: spec)))
        }
        artifacts.append(Artifact(path: notesFile, text: try notes(tls, spec: spec)))
        return artifacts
    }

    /// Newman's certificate list: one entry per certificate (postman-collection `Certificate.definition`), its
    /// `cert`, `key` and `pfx` as `{src}` when given.
    static func certificateList(_ tls: Spec.TLS, spec: Spec) -> Data {
        func source(_ path: Located<String>?) -> JSONValue? { path.map { .object([("src", .string($0.value))]) } }
        let entries = tls.clientCertificates.map { certificate -> JSONValue in
            .object(omittingNil: [
                ("name", .string(certificate.name.value)),
                ("matches", .array(certificate.hostPatterns(in: spec).map { .string($0.newmanPattern) })),
                ("cert", source(certificate.cert)), ("key", source(certificate.key)), ("pfx", source(certificate.pfx)),
            ])
        }
        return JSONValue.array(entries).data(.canonical)
    }

    static func notes(_ tls: Spec.TLS, spec: Spec) throws -> String {
        let rows: [[String: Any]] = tls.clientCertificates.flatMap { certificate in
            certificate.hostPatterns(in: spec).map { pattern -> [String: Any] in
                // Every value from the spec goes through MarkdownText: it is data in the page, never Markdown.
                var row: [String: Any] = [
                    "certificate": MarkdownText.text(certificate.name.value), "host": MarkdownText.code(pattern.host),
                    "port": String(pattern.effectivePort), "pattern": MarkdownText.code(pattern.newmanPattern),
                ]
                row["cert"] = certificate.cert.map { MarkdownText.code($0.value) }
                row["key"] = certificate.key.map { MarkdownText.code($0.value) }
                row["pfx"] = certificate.pfx.map { MarkdownText.code($0.value) }
                row["passphraseEnv"] = certificate.passphraseEnv.map { MarkdownText.code("$" + $0) }
                return row
            }
        }
        var context: [String: Any] = [
            "title": MarkdownText.text(spec.title), "rows": rows, "hasRows": !rows.isEmpty,
            "verifyOff": !tls.verify, "listFile": MarkdownText.code(certificateListFile),
            "hasList": !tls.clientCertificates.isEmpty,
        ]
        context["caBundle"] = tls.caBundle.map { MarkdownText.code($0.value) }
        return try Templates.render("templates/certificates.md.mustache", context)
    }

    /// Every `hosts` entry must name a spec host or read as a host pattern; Newman silently ignores bad ones.
    static func validateHosts(_ tls: Spec.TLS, in spec: Spec) throws {
        var collector = DiagnosticCollector()
        hostProblems(tls, in: spec).forEach { collector.emit($0) }
        try collector.throwIfErrors()
    }

    /// One error per `hosts` entry of a client certificate that is neither a spec host nor a host pattern.
    public static func hostProblems(_ tls: Spec.TLS, in spec: Spec) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let names = Set(spec.hostAuthorities.map(\.name))
        for certificate in tls.clientCertificates {
            for entry in certificate.hosts
            where !names.contains(entry.value) && HostPattern(parsing: entry.value) == nil {
                problems.append(
                    .error(
                        "tls-host-pattern-invalid",
                        "'\(entry.value)' in the hosts of client certificate '\(certificate.name.value)' "
                            + "is neither a host of the spec nor a host pattern",
                        at: entry.location,
                        hint: "write a name from 'hosts', a host such as 'rs1.ob.example.com', "
                            + "'*.ob.example.com' or 'localhost:8443'"))
            }
        }
        return problems
    }
}

/// Loads and renders the embedded Mustache templates.
enum Templates {
    struct MissingTemplate: Error, CustomStringConvertible {
        var path: String
        var description: String { "the template '\(path)' is not embedded; run scripts/embed-resources" }
    }

    static func render(_ path: String, _ context: [String: Any]) throws -> String {
        guard let text = EmbeddedResources.files[path] else { throw MissingTemplate(path: path) }
        return try MustacheTemplate(string: text).render(context)
    }
}
