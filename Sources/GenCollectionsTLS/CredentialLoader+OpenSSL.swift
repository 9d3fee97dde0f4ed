import Foundation
import GenCollectionsBase
import GenCollectionsCore
import X509

/// Encrypted PEM keys and PKCS#12 files, opened with the `openssl` command: swift-crypto and
/// swift-certificates read neither. The passphrase travels as `-passin env:NAME`, never on a command line.
extension CredentialLoader {
    var openssl: String? {
        (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/openssl" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func decrypt(_ path: Located<String>, passphraseEnv: String?) -> Result<Certificate.PrivateKey, CredentialProblem> {
        guard let passphraseEnv, environment[passphraseEnv] != nil else {
            return .failure(
                problem(
                    "certs-key-unchecked",
                    "the key '\(path.value)' is encrypted and "
                        + (passphraseEnv.map { "\($0) is not set" } ?? "the certificate has no 'passphraseEnv'")
                        + ": the key was not checked against the certificate", path,
                    hint: "export the passphrase variable and run again", severity: .warning))
        }
        guard let openssl else {
            return .failure(
                problem(
                    "certs-key-unchecked",
                    "the key '\(path.value)' is encrypted and 'openssl' is not "
                        + "on PATH: the key was not checked against the certificate", path, severity: .warning))
        }
        let output = run(openssl, ["pkey", "-in", url(path.value).path, "-passin", "env:\(passphraseEnv)"])
        guard output.status == 0, let block = Self.pemBlocks(output.text).first,
            let key = try? Certificate.PrivateKey(pemDocument: block)
        else {
            return .failure(
                problem(
                    "certs-key-passphrase",
                    "the key '\(path.value)' cannot be opened with the passphrase "
                        + "in \(passphraseEnv)", path, hint: "check the passphrase"))
        }
        return .success(key)
    }

    func pkcs12(_ path: Located<String>, passphraseEnv: String?) -> Result<Credentials, CredentialProblem> {
        text(path, "PKCS#12 file").flatMap { _ in
            let base = Credentials(file: path.value, keyFile: path.value, location: path.location, chain: [])
            guard let openssl else {
                return .failure(
                    problem(
                        "certs-pkcs12-unchecked",
                        "the PKCS#12 file '\(path.value)' exists but was not "
                            + "opened: 'openssl' is not on PATH and swift-certificates cannot read PKCS#12", path,
                        severity: .warning))
            }
            if let passphraseEnv, environment[passphraseEnv] == nil {
                return .failure(
                    problem(
                        "certs-pkcs12-unchecked",
                        "the PKCS#12 file '\(path.value)' exists but was not "
                            + "opened: \(passphraseEnv) is not set", path, hint: "export it and run again",
                        severity: .warning))
            }
            var environment = self.environment
            environment["GEN_COLLECTIONS_PKCS12_PASS"] = passphraseEnv.flatMap { self.environment[$0] } ?? ""
            let arguments = [
                "pkcs12", "-in", url(path.value).path, "-nodes", "-passin", "env:GEN_COLLECTIONS_PKCS12_PASS",
            ]
            var output = run(openssl, arguments, environment: environment)
            if output.status != 0 { output = run(openssl, arguments + ["-legacy"], environment: environment) }
            let blocks = Self.pemBlocks(output.text)
            let key = blocks.first { $0.discriminator.hasSuffix("PRIVATE KEY") }.flatMap {
                try? Certificate.PrivateKey(pemDocument: $0)
            }
            var chain = blocks.filter { $0.discriminator == "CERTIFICATE" }.compactMap {
                try? Certificate(pemDocument: $0)
            }
            guard output.status == 0, let key, !chain.isEmpty else {
                return .failure(
                    problem(
                        "certs-unparsable",
                        "the PKCS#12 file '\(path.value)' cannot be opened"
                            + (passphraseEnv.map { " with the passphrase in \($0)" } ?? " without a passphrase"), path,
                        hint: "check the file and the passphrase ('openssl pkcs12 -info -in \(path.value)')"))
            }
            if let leaf = chain.firstIndex(where: { $0.publicKey == key.publicKey }) {
                chain.insert(chain.remove(at: leaf), at: 0)
            }
            var credentials = base
            credentials.chain = chain
            credentials.privateKey = key
            return .success(credentials)
        }
    }

    func run(
        _ executable: String, _ arguments: [String],
        environment: [String: String]? = nil
    ) -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment ?? self.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
