import GenCollectionsBase
import GenCollectionsCore

/// Which https hosts of the spec no client certificate covers: Newman would call them without a certificate
/// and the bank would refuse the TLS handshake.
enum HostCoverage {
    static func problems(in spec: Spec, tls: Spec.TLS) -> [Diagnostic] {
        let patterns = tls.clientCertificates.flatMap { $0.hostPatterns(in: spec) }
        return CertificateSettings.hostProblems(tls, in: spec)
            + spec.hostAuthorities.compactMap { authority in
                guard let host = spec.hosts.first(where: { $0.name.value == authority.name }),
                    host.url.value.lowercased().hasPrefix("https://")
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

    static func suggestion(_ host: String, _ port: Int?) -> String {
        let labels = host.split(separator: ".")
        let base = labels.count > 2 ? "*." + labels.dropFirst().joined(separator: ".") : host
        return base + (port.map { $0 == 443 ? "" : ":\($0)" } ?? "")
    }
}
