import Foundation

/// Newman URL match patterns (`https://host/*`, `https://host:8443/*`) for the client certificates, and the
/// matching rules Newman applies to them (postman-collection `UrlMatchPattern`), so `certs` can tell which
/// hosts a certificate covers.
public struct HostPattern: Sendable, Hashable {
    /// Host name or `*.example.com`, without protocol.
    public var host: String
    /// `nil` means Newman's default for https, 443.
    public var port: Int?

    public init(host: String, port: Int?) {
        self.host = host
        self.port = port == 443 ? nil : port
    }

    /// Parses `host`, `*.host` or `host:port` as written in the spec's `tls.clientCertificates[].hosts`.
    public init?(parsing text: String) {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        if let range = text.range(of: "://") { text = text[range.upperBound...] }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        var port: Int?
        if let colon = text.lastIndex(of: ":") {
            guard let value = Int(text[text.index(after: colon)...]), (1...65535).contains(value) else { return nil }
            port = value
            text = text[..<colon]
        }
        let host = String(text).lowercased()
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !host.isEmpty, !labels.contains(where: \.isEmpty),
            !labels.dropFirst().contains(where: { $0.contains("*") }),
            labels[0] == "*" || !labels[0].contains("*"), !(labels[0] == "*" && labels.count < 2)
        else { return nil }
        self.init(host: host, port: port)
    }

    /// The `matches` entry for Newman's certificate list: always a path, the port only when not 443.
    public var newmanPattern: String {
        "https://\(host)\(port.map { ":\($0)" } ?? "")/*"
    }

    /// The port the Postman app's certificate dialog wants; 443 when the pattern has none.
    public var effectivePort: Int { port ?? 443 }

    /// Whether Newman would send this pattern's certificate to `https://host:port/…`.
    /// `*.example.com` also covers `example.com`; a pattern without port covers only 443.
    public func covers(host other: String, port otherPort: Int?) -> Bool {
        guard (otherPort ?? 443) == effectivePort else { return false }
        let other = other.lowercased()
        if host.hasPrefix("*.") {
            let base = host.dropFirst(2)
            return other == base || other.hasSuffix("." + base)
        }
        return other == host
    }
}

extension Spec.TLS.ClientCertificate {
    /// The host patterns of this certificate: names from the spec's `hosts` become that host's name and port,
    /// anything else is read as a pattern. Entries that are neither are left out (the spec validator flags them).
    public func hostPatterns(in spec: Spec) -> [HostPattern] {
        var patterns: [HostPattern] = []
        for entry in hosts {
            let pattern: HostPattern?
            if let authority = spec.hostAuthorities.first(where: { $0.name == entry.value }) {
                pattern = HostPattern(host: authority.host.lowercased(), port: authority.port)
            } else {
                pattern = HostPattern(parsing: entry.value)
            }
            if let pattern, !patterns.contains(pattern) { patterns.append(pattern) }
        }
        return patterns
    }
}
