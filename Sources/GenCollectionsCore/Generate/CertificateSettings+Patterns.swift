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

    /// Parses `host`, `*.host`, `host:port`, an IPv4 address or a bracketed IPv6 address (`[::1]:8443`), as
    /// written in the spec's `tls.clientCertificates[].hosts`. A wildcard never stands for part of an address.
    public init?(parsing text: String) {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        if let range = text.range(of: "://") { text = text[range.upperBound...] }
        if let slash = text.firstIndex(of: "/") { text = text[..<slash] }
        var port: Int?
        let hostEnd = text.hasPrefix("[") ? text.firstIndex(of: "]").map(text.index(after:)) : nil
        if let colon = text.lastIndex(of: ":"), colon >= (hostEnd ?? text.startIndex) {
            guard let value = Int(text[text.index(after: colon)...]), (1...65535).contains(value) else { return nil }
            port = value
            text = text[..<colon]
        }
        let host = String(text).lowercased()
        if host.hasPrefix("[") {
            guard host.count > 2, host.hasSuffix("]"), host.dropFirst().dropLast().allSatisfy(\.isIPv6Character)
            else { return nil }
            self.init(host: host, port: port)
            return
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard !host.isEmpty, host.allSatisfy(\.isHostNameCharacter), !labels.contains(where: \.isEmpty),
            !labels.dropFirst().contains(where: { $0.contains("*") }),
            labels[0] == "*" || !labels[0].contains("*"), !(labels[0] == "*" && labels.count < 2),
            !(labels[0] == "*" && labels.dropFirst().allSatisfy { $0.allSatisfy(\.isNumber) })
        else { return nil }
        self.init(host: host, port: port)
    }

    /// Whether `host` is an IP address (IPv4, or IPv6 in brackets) rather than a name: it is matched exactly.
    public static func isIPLiteral(_ host: String) -> Bool {
        if host.hasPrefix("[") { return true }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count == 4 && labels.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isNumber) }
    }

    /// The `matches` entry for Newman's certificate list: always a path, the port only when not 443. Newman's
    /// patterns cannot name an IPv6 address (a host there holds no ':'), so one becomes any host on its port.
    public var newmanPattern: String {
        "https://\(host.hasPrefix("[") ? "*" : host)\(port.map { ":\($0)" } ?? "")/*"
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

extension Character {
    fileprivate var isIPv6Character: Bool { isHexDigit || self == ":" || self == "." }
    /// Letters (also of internationalised names), digits, `-`, `_`, `.` and the wildcard: nothing that could end
    /// a Markdown code span or a table cell in `CERTIFICATES.md`.
    fileprivate var isHostNameCharacter: Bool { isLetter || isNumber || "-_.*".contains(self) }
}

extension Spec.TLS.ClientCertificate {
    /// The host patterns of this certificate: names from the spec's `hosts` become that host's name and port
    /// (none for a plain-http host: Newman sends certificates over https only), anything else is read as a
    /// pattern. Entries that are neither are left out (the spec validator flags them).
    public func hostPatterns(in spec: Spec) -> [HostPattern] {
        var patterns: [HostPattern] = []
        for entry in hosts {
            let pattern: HostPattern?
            if let authority = spec.hostAuthorities.first(where: { $0.name == entry.value }) {
                // The host may come from a helper file: it must read as a host pattern to be used.
                guard authority.scheme == "https" else { continue }
                pattern = HostPattern(parsing: authority.host + (authority.port.map { ":\($0)" } ?? ""))
            } else {
                pattern = HostPattern(parsing: entry.value)
            }
            if let pattern, !patterns.contains(pattern) { patterns.append(pattern) }
        }
        return patterns
    }
}
