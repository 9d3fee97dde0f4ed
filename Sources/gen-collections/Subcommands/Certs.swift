import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsLint
import GenCollectionsTLS

extension GenCollectionsCommand {
    /// `gen-collections certs`: the certificate pre-flight check.
    struct Certs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certs",
            abstract: "Check the client certificates, keys and CA bundle of a spec before the first request.",
            discussion: HelpText.discussion(
                """
                Checks that each file exists and parses, that each key belongs to its certificate, that the \
                certificate is valid (a warning within 30 days of expiry), that it chains to the CA bundle, and \
                that every https host of the spec is covered by a client certificate. Hosts are checked as the \
                bundle's environment file in --dir has them (what --env gave 'generate'), and each must also be \
                covered by an entry of the folder's ssl-client-cert-list.json, the list newman uses. Without \
                --spec or --bank, the spec is the one that made the bundle in --dir (gen-collections.bundle.json), \
                else the default bank's. Encrypted keys and PKCS#12 files are opened with the openssl command, the \
                passphrase taken from the variable named by passphraseEnv.
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

        @OptionGroup var reportFormat: ReportFormatOptions

        func run() async throws {
            let loaded = try source.load(limit: limits.bytes, record: try source.record(in: dir), in: dir)
            let spec = try hostsAsUsed(loaded)
            var diagnostics = await CertificateCheck.run(spec: spec, directory: URL(fileURLWithPath: dir))
            diagnostics += try listCoverage(spec)
            report(diagnostics)
            let errors = diagnostics.filter { $0.severity == .error }.count
            guard errors == 0 else {
                printError("certs: \(errors) problem\(errors == 1 ? "" : "s") found")
                throw ExitStatus.failure
            }
            let count = spec.tls?.clientCertificates.count ?? 0
            printText("certs: \(count) client certificate\(count == 1 ? "" : "s") checked, no problem found")
        }

        /// The spec with its hosts as the bundle's environment file in `dir` has them, when there is one.
        private func hostsAsUsed(_ spec: Spec) throws -> Spec {
            let path = (dir as NSString).appendingPathComponent(Generator.environmentFile(for: spec))
            guard FileManager.default.fileExists(atPath: path) else { return spec }
            do {
                let environment = try HelperEnvironment(
                    data: try readInput(path, what: "environment file", limit: limits.bytes), file: path)
                return spec.usingHosts(fromEnvironment: environment.values, file: path)
            } catch let error as DiagnosticsError {
                report(error.diagnostics)
                throw ExitStatus.failure
            }
        }

        /// One error per https host that no entry of the folder's certificate list matches: newman would call it
        /// without a client certificate, whatever the spec says.
        private func listCoverage(_ spec: Spec) throws -> [Diagnostic] {
            let path = (dir as NSString).appendingPathComponent(CertificateSettings.certificateListFile)
            guard spec.tls != nil, FileManager.default.fileExists(atPath: path) else { return [] }
            let bytes = try readInputBytes(path, what: "certificate list", limit: limits.bytes)
            guard let list = CertificateList.read(bytes, path: path) else {
                return [
                    .error(
                        "certs-list-invalid", "the file is not a newman certificate list",
                        at: SourceLocation(file: path), hint: "run 'gen-collections generate' to write it again")
                ]
            }
            return spec.hosts.compactMap { host in
                let url = URLParts(host.url.value)
                guard url.scheme?.lowercased() == "https", !url.host.isEmpty,
                    !url.host.contains(where: { $0.contains("{{") }), list.firstEntry(matching: url) == nil
                else { return nil }
                let authority = url.host.joined(separator: ".") + (url.port.map { ":\($0)" } ?? "")
                return .error(
                    "certs-list-not-covered",
                    "host '\(host.name.value)' is '\(host.url.value)', and no entry of the certificate list covers "
                        + "it: newman sends no client certificate there",
                    at: SourceLocation(file: path),
                    hint: "run 'gen-collections generate --env FILE' again so the list follows the hosts, or add "
                        + "'https://\(authority.lowercased())/*' to an entry's matches")
            }
        }
    }
}
