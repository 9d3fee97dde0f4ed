import ArgumentParser
import Foundation
import GenCollectionsCore
import GenCollectionsNetwork

/// The mutual-TLS options `register --send` and `fetch-env` share: the transport certificate and key, how the bank's
/// server certificate is trusted, and how long to wait.
struct MutualTLSOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "PEM transport certificate for mutual TLS (default: the spec's tls client certificate).",
            valueName: "file"))
    var cert: String?

    @Option(
        help: ArgumentHelp(
            "PEM private key of the transport certificate (default: the spec's).", valueName: "file"))
    var key: String?

    @Option(
        name: .customLong("ca-bundle"),
        help: ArgumentHelp(
            "PEM CA bundle that issued the bank's server certificate (default: the spec's tls caBundle).",
            valueName: "file"))
    var caBundle: String?

    @Option(
        name: .customLong("key-passphrase-env"),
        help: ArgumentHelp(
            "Environment variable holding the --key passphrase (default: the spec's passphraseEnv).",
            valueName: "name"))
    var keyPassphraseEnv: String?

    @Option(
        help: ArgumentHelp(
            "The bundle folder the spec's tls paths resolve from (where run-newman.sh runs).", valueName: "dir"))
    var dir: String = "output"

    @Flag(help: "Do not verify the bank's server certificate (prefer --ca-bundle).")
    var insecure = false

    @Option(help: ArgumentHelp("Seconds to wait for the whole response.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    /// Whether both the certificate and its key were given.
    var hasClientCertificate: Bool { cert != nil && key != nil }

    /// These options with what the flags leave out taken from the spec's `tls`: the first client certificate with
    /// a cert and a key, its passphrase variable, and the CA bundle (unless the spec turns verification off), each
    /// path resolved from `dir`, so onboarding types them once, in the spec.
    func filled(from spec: Spec) -> MutualTLSOptions {
        guard let tls = spec.tls else { return self }
        var options = self
        func inBundle(_ path: Located<String>?) -> String? {
            path.map { $0.value.hasPrefix("/") ? $0.value : (dir as NSString).appendingPathComponent($0.value) }
        }
        if cert == nil, key == nil,
            let certificate = tls.clientCertificates.first(where: { $0.cert != nil && $0.key != nil })
        {
            options.cert = inBundle(certificate.cert)
            options.key = inBundle(certificate.key)
            if keyPassphraseEnv == nil { options.keyPassphraseEnv = certificate.passphraseEnv }
        }
        if caBundle == nil, !insecure, tls.verify { options.caBundle = inBundle(tls.caBundle) }
        return options
    }
    /// The TLS settings of a request; warns on standard error when server verification is off.
    func settings() -> MutualTLS {
        if insecure { printError("gen-collections: warning: the bank's server certificate is not verified") }
        return MutualTLS(
            certificateFile: cert ?? "", keyFile: key ?? "", caBundleFile: caBundle,
            keyPassphrase: keyPassphraseEnv.flatMap { ProcessInfo.processInfo.environment[$0] },
            insecure: insecure)
    }
}
