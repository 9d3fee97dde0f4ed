import GenCollectionsBase

/// Hosts a helper file moves away from the spec's defaults: to another scheme, or to another registrable domain.
/// The bundle sends tokens, client secrets and the client certificate to these hosts, so a helper file that points
/// them elsewhere (a mistake, or a file someone changed) is reported before anything is sent there.
public enum HostMoves {
    /// One diagnostic per moved host: an error when an https default becomes plain http, a warning when the
    /// scheme or the registrable domain changes. Hosts whose default holds `{{variables}}` are not compared.
    public static func problems(in spec: Spec, helper: HelperEnvironment) -> [Diagnostic] {
        spec.hosts.compactMap { host in
            guard let key = host.from.first(where: { helper.values[$0] != nil }), let value = helper.values[key],
                !value.isEmpty, value != host.url.value
            else { return nil }
            let before = URLParts(host.url.value), after = URLParts(value)
            guard !before.host.isEmpty, !before.host.contains(where: { $0.contains("{{") }) else { return nil }
            let name = host.name.value
            let place = helper.location(of: key)
            let fromScheme = before.scheme?.lowercased() ?? "https", toScheme = after.scheme?.lowercased() ?? "https"
            if fromScheme == "https", toScheme == "http" {
                return .error(
                    "env-host-insecure",
                    "the helper file sets host '\(name)' to plain http '\(value)'; the spec says '\(host.url.value)'",
                    at: place,
                    hint: "tokens and client secrets would be sent unencrypted; get the file from the bank again, "
                        + "or change the host's url in the spec if the bank really serves http")
            }
            if fromScheme != toScheme {
                return .warning(
                    "env-host-moved",
                    "the helper file moves host '\(name)' from \(fromScheme) to \(toScheme): '\(value)'",
                    at: place, hint: "check that this is the bank's URL before running the bundle")
            }
            let fromHost = before.host.joined(separator: "."), toHost = after.host.joined(separator: ".")
            let fromDomain = RegistrableDomain.of(fromHost), toDomain = RegistrableDomain.of(toHost)
            guard fromDomain != toDomain else { return nil }
            return .warning(
                "env-host-moved",
                "the helper file moves host '\(name)' from the domain '\(fromDomain)' to '\(toDomain)': '\(value)'",
                at: place,
                hint: "tokens, client secrets and your client certificate go there; check that it is the bank's "
                    + "(a local sandbox or the mock is expected to move it)")
        }
    }
}

/// The part of a host name a single owner registers (`rs1.ob.monese.com` → `monese.com`), for telling whether two
/// hosts belong together. An approximation of the Public Suffix List: the last two labels, or three under a
/// common two-label suffix such as `co.uk`; an IP address or a one-label name is its own domain.
enum RegistrableDomain {
    static let twoLabelSuffixes: Set<String> = [
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "com.au", "net.au", "org.au",
        "co.nz", "co.jp", "co.za", "com.br", "com.cn", "co.in", "com.sg", "com.hk", "co.il", "com.mx", "com.tr",
    ]

    static func of(_ host: String) -> String {
        let host = host.lowercased()
        guard !HostPattern.isIPLiteral(host) else { return host }
        let labels = host.split(separator: ".").map(String.init)
        guard labels.count > 2 else { return host }
        let lastTwo = labels.suffix(2).joined(separator: ".")
        return twoLabelSuffixes.contains(lastTwo) ? labels.suffix(3).joined(separator: ".") : lastTwo
    }
}
