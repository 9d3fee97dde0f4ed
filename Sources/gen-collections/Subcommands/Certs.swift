import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsTLS

extension GenCollectionsCommand {
    /// `gen-collections certs`: the certificate pre-flight check.
    struct Certs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the client certificates, keys and CA bundle of a spec before the first request.",
            discussion: """
                Checks that each file exists and parses, that each key belongs to its certificate, that the \
                certificate is valid (a warning within 30 days of expiry), that it chains to the CA bundle, and \
                that every https host of the spec is covered by a client certificate. Encrypted keys and PKCS#12 \
                files are opened with the openssl command, the passphrase taken from the variable named by \
                passphraseEnv. Exit codes: 0 no errors (warnings allowed); 1 at least one problem; 64 usage \
                error; 66 the spec cannot be read.
                """)

        @OptionGroup var source: SpecSourceOptions

        @Option(name: .long, help: "The folder certificate paths resolve from: where run-newman.sh runs.")
        var dir: String = "."

        @OptionGroup var limits: InputLimitOptions

        func run() async throws {
            let loaded = try source.load(limit: limits.bytes)
            let diagnostics = await CertificateCheck.run(spec: loaded, directory: URL(fileURLWithPath: dir))
            report(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            guard errors == 0 else {
                printError("certs: \(errors) problem\(errors == 1 ? "" : "s") found")
                throw ExitStatus.failure
            }
            let count = loaded.tls?.clientCertificates.count ?? 0
            print("certs: \(count) client certificate\(count == 1 ? "" : "s") checked, no problem found")
        }
    }
}
