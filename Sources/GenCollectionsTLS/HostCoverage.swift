import GenCollectionsBase
import GenCollectionsCore

/// Which https hosts of the spec no client certificate covers: Newman would call them without a certificate
/// and the bank would refuse the TLS handshake.
enum HostCoverage {
    static func problems(in spec: Spec, tls: Spec.TLS) -> [Diagnostic] {
        let patterns = tls.clientCertificates.flatMap { $0.hostPatterns(in: spec) }
        return CertificateSettings.hostProblems(tls, in: spec)
            + spec.hostAuthorities.compactMap { authority in
                guard authority.scheme == "https",
                    let host = spec.hosts.first(where: { $0.name.value == authority.name })
                else { return nil }
                guard !patterns.contains(where: { $0.covers(host: authority.host, port: authority.port) }) else {
                    return nil
                }
                let shown = authority.host + (authority.port.map { ":\($0)" } ?? "")
                return .error(
                    "certs-host-not-covered",
                    "host '\(authority.name)' (\(shown)) is not covered by any client certificate's hosts",
                    at: host.url.location,
                    hint:
                        "add '\(authority.name)' or a pattern such as '\(Self.suggestion(authority.host, authority.port))' "
                        + "to 'hosts' of a client certificate")
            }
    }

    /// A host pattern to suggest for `host`: its parent domain's wildcard for a name under a domain
    /// (`rs1.bank.com` → `*.bank.com`), the host itself for an IP address or a short name; the port unless 443.
    static func suggestion(_ host: String, _ port: Int?) -> String {
        let labels = host.split(separator: ".")
        let exact = HostPattern.isIPLiteral(host) || labels.count <= 2
        let base = exact ? host : "*." + labels.dropFirst().joined(separator: ".")
        return base + (port.map { $0 == 443 ? "" : ":\($0)" } ?? "")
    }
}
