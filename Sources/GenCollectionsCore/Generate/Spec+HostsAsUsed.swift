import GenCollectionsBase

extension Spec {
    /// The spec with its hosts as the bundle made from `helper` uses them: each host takes the value of the first of
    /// its `from` keys the helper file defines, else keeps its default. The certificate list, `CERTIFICATES.md` and
    /// the host coverage of `certs` are built from this spec, so they follow the hosts requests really go to.
    public func usingHosts(from helper: HelperEnvironment?) -> Spec {
        guard let helper else { return self }
        return usingHosts(in: helper.file) { helper.value(for: $0.from) }
    }

    /// The spec with its hosts as a generated environment file has them: the value of the key named like the host.
    /// - Parameters:
    ///   - values: the environment's values by key.
    ///   - file: the environment file, where the moved URLs are said to come from.
    public func usingHosts(fromEnvironment values: [String: String], file: String) -> Spec {
        usingHosts(in: file) { values[$0.name.value] }
    }

    /// The spec with each host's URL replaced by `value(host)` where it gives a different one.
    ///
    /// A client certificate that covers a host's default URL covers the host where it moved: the host's name is
    /// added to the certificate's `hosts`, and a pattern that covered only defaults that all moved is dropped (it
    /// would send the certificate to hosts the bundle no longer calls, and list them in `CERTIFICATES.md`).
    func usingHosts(in file: String, _ value: (Host) -> String?) -> Spec {
        var used = self
        for index in used.hosts.indices {
            if let url = value(used.hosts[index]), url != used.hosts[index].url.value {
                used.hosts[index].url = Located(url, at: SourceLocation(file: file))
            }
        }
        guard used.hosts != hosts, var tls = used.tls else { return used }
        let defaults = Self.httpsAuthorities(of: self)
        let moved = Self.httpsAuthorities(of: used)
        for index in tls.clientCertificates.indices {
            tls.clientCertificates[index] = tls.clientCertificates[index].following(
                defaults: defaults, moved: moved, file: file)
        }
        used.tls = tls
        return used
    }

    /// The https hosts of a spec, in spec order, as match patterns.
    static func httpsAuthorities(of spec: Spec) -> [(name: String, pattern: HostPattern)] {
        spec.hostAuthorities.filter { $0.scheme == "https" }.map {
            ($0.name, HostPattern(host: $0.host.lowercased(), port: $0.port))
        }
    }
}

extension Spec.TLS.ClientCertificate {
    /// This certificate with its `hosts` following the https hosts that moved from `defaults` to `moved`.
    func following(
        defaults: [(name: String, pattern: HostPattern)], moved: [(name: String, pattern: HostPattern)], file: String
    ) -> Self {
        let names = Set(defaults.map(\.name) + moved.map(\.name))
        func covers(_ entry: Located<String>, _ authority: HostPattern) -> Bool {
            guard !names.contains(entry.value), let pattern = HostPattern(parsing: entry.value) else { return false }
            return pattern.covers(host: authority.host, port: authority.port)
        }
        var certificate = self
        certificate.hosts = hosts.filter { entry in
            !defaults.contains { covers(entry, $0.pattern) } || moved.contains { covers(entry, $0.pattern) }
        }
        for (name, authority) in defaults where hosts.contains(where: { $0.value == name || covers($0, authority) }) {
            guard let target = moved.first(where: { $0.name == name })?.pattern, target != authority,
                !certificate.hosts.contains(where: { $0.value == name || covers($0, target) })
            else { continue }
            certificate.hosts.append(Located(name, at: SourceLocation(file: file)))
        }
        return certificate
    }
}
