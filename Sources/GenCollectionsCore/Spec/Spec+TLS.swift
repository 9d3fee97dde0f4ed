extension Spec {
    /// Mutual TLS: client certificates per host, and how the bank's server certificate is trusted.
    public struct TLS: Sendable, Hashable {
        /// A client certificate and the hosts it is presented to.
        public struct ClientCertificate: Sendable, Hashable {
            public var name: Located<String>
            /// PEM certificate and key, or a PKCS#12 file. Paths are relative to where the runner runs.
            public var cert: Located<String>?
            public var key: Located<String>?
            public var pfx: Located<String>?
            /// Name of the environment variable holding the key passphrase; the passphrase is never written.
            public var passphraseEnv: String?
            /// Host names from `hosts`, or host patterns such as `*.ob.example.com` or `localhost:8443`.
            public var hosts: [Located<String>]

            public init(
                name: Located<String>, cert: Located<String>? = nil, key: Located<String>? = nil,
                pfx: Located<String>? = nil, passphraseEnv: String? = nil, hosts: [Located<String>]
            ) {
                self.name = name
                self.cert = cert
                self.key = key
                self.pfx = pfx
                self.passphraseEnv = passphraseEnv
                self.hosts = hosts
            }
        }

        public var clientCertificates: [ClientCertificate]
        /// PEM bundle of the CAs that issued the bank's server certificates.
        public var caBundle: Located<String>?
        /// `false` turns server certificate verification off (`--insecure`), with a warning.
        public var verify: Bool

        public init(clientCertificates: [ClientCertificate] = [], caBundle: Located<String>? = nil, verify: Bool = true)
        {
            self.clientCertificates = clientCertificates
            self.caBundle = caBundle
            self.verify = verify
        }
    }
}
