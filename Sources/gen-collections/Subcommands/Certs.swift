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
            discussion: HelpText.discussion(
                """
                Checks that each file exists and parses, that each key belongs to its certificate, that the \
                certificate is valid (a warning within 30 days of expiry), that it chains to the CA bundle, and \
                that every https host of the spec is covered by a client certificate. Encrypted keys and PKCS#12 \
                files are opened with the openssl command, the passphrase taken from the variable named by \
                passphraseEnv.
                """,
                examples: [
                    .init(
                        "Before the first run: the certificates of the bundle in output/",
                        "gen-collections certs --dir output"),
                    .init(
                        "Your spec's, with paths relative to bank/", "gen-collections certs --spec bank.yaml --dir bank"
                    ),
                ],
                exitCodes: [
                    (ExitStatus.success, "no errors (warnings allowed)"),
                    (ExitStatus.failure, "at least one problem"),
                    (ExitStatus.noInput, "the spec cannot be read"),
                ]))

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
