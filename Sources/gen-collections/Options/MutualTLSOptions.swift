import ArgumentParser
import Foundation
import GenCollectionsNetwork

/// The mutual-TLS options `register --send` and `fetch-env` share: the transport certificate and key, how the bank's
/// server certificate is trusted, and how long to wait.
struct MutualTLSOptions: ParsableArguments {
    @Option(help: ArgumentHelp("PEM transport certificate for mutual TLS.", valueName: "file"))
    var cert: String?

    @Option(help: ArgumentHelp("PEM private key of the transport certificate.", valueName: "file"))
    var key: String?

    @Option(
        name: .customLong("ca-bundle"),
        help: ArgumentHelp("PEM CA bundle that issued the bank's server certificate.", valueName: "file"))
    var caBundle: String?

    @Option(
        name: .customLong("key-passphrase-env"),
        help: ArgumentHelp("Environment variable holding the --key passphrase.", valueName: "name"))
    var keyPassphraseEnv: String?

    @Flag(help: "Do not verify the bank's server certificate (prefer --ca-bundle).")
    var insecure = false

    @Option(help: ArgumentHelp("Seconds to wait for the whole response.", valueName: "seconds"))
    var timeout: Double = 30

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    /// Whether both the certificate and its key were given.
    var hasClientCertificate: Bool { cert != nil && key != nil }

    /// The TLS settings of a request; warns on standard error when server verification is off.
    func settings() -> MutualTLS {
        if insecure { printError("gen-collections: warning: the bank's server certificate is not verified") }
        return MutualTLS(
            certificateFile: cert ?? "", keyFile: key ?? "", caBundleFile: caBundle,
            keyPassphrase: keyPassphraseEnv.flatMap { ProcessInfo.processInfo.environment[$0] },
            insecure: insecure)
    }
}
