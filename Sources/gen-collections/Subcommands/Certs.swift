import ArgumentParser
import Foundation
import GenCollectionsCore
import GenCollectionsTLS

extension GenCollectionsCommand {
    /// `gen-collections certs`: the certificate pre-flight check.
    struct Certs: ParsableCommand {
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

        @Option(name: .long, help: "The spec file (YAML).")
        var spec: String

        @Option(name: .long, help: "The folder certificate paths resolve from: where run-newman.sh runs.")
        var dir: String = "."

        func run() throws {
            let loaded = try Self.load(spec)
            let diagnostics = CertificateCheck.runBlocking(spec: loaded, directory: URL(fileURLWithPath: dir))
            for diagnostic in diagnostics {
                FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            }
            let errors = diagnostics.filter { $0.severity == .error }.count
            guard errors == 0 else {
                FileHandle.standardError.write(Data("certs: \(errors) problem\(errors == 1 ? "" : "s") found\n".utf8))
                throw ExitCode(1)
            }
            let count = loaded.tls?.clientCertificates.count ?? 0
            print("certs: \(count) client certificate\(count == 1 ? "" : "s") checked, no problem found")
        }

        /// Reads and validates the spec; 66 when unreadable, 1 with its diagnostics when invalid.
        static func load(_ path: String) throws -> Spec {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("\(path): error: cannot read the spec [input-unreadable]\n".utf8))
                throw ExitCode(66)
            }
            do {
                let (spec, warnings) = try SpecLoader.load(String(decoding: data, as: UTF8.self), file: path)
                for warning in warnings { FileHandle.standardError.write(Data((warning.description + "\n").utf8)) }
                return spec
            } catch let error as DiagnosticsError {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }
}
