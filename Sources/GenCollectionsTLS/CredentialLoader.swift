import Foundation
import GenCollectionsBase
import GenCollectionsCore
import SwiftASN1
import X509

/// A client certificate as read from disk: its chain (leaf first) and, when it could be read, its key.
struct Credentials {
    /// The certificate or PKCS#12 path as the spec writes it.
    var file: String
    var keyFile: String
    var location: SourceLocation?
    var chain: [Certificate]
    var privateKey: Certificate.PrivateKey?
    /// Warnings about what could not be checked.
    var notes: [Diagnostic] = []
}

/// A problem that stops the checks of one certificate, reported as one diagnostic.
struct CredentialProblem: Error {
    var diagnostic: Diagnostic
    /// Problems found beside the first, e.g. a missing key next to a missing certificate.
    var more: [Diagnostic] = []

    var all: [Diagnostic] { [diagnostic] + more }
}

/// Reads certificates and keys: PEM (PKCS#1, SEC1 and PKCS#8 keys) with swift-certificates; encrypted keys and
/// PKCS#12 files through the `openssl` command, which neither swift-certificates nor swift-crypto can replace.
struct CredentialLoader {
    var directory: URL
    var environment: [String: String]

    func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }

    func text(_ path: Located<String>, _ what: String) -> Result<String, CredentialProblem> {
        let file = url(path.value)
        guard FileManager.default.fileExists(atPath: file.path) else {
            return .failure(
                problem(
                    "certs-file-missing", "the \(what) '\(path.value)' does not exist (looked for '\(file.path)')",
                    path, hint: "paths resolve from the folder run-newman.sh runs in; use --dir to point at it"))
        }
        guard let data = try? InputFile.read(file.path) else {
            return .failure(
                problem(
                    "certs-file-unreadable", "the \(what) '\(path.value)' cannot be read", path,
                    hint: "check its permissions"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// Every certificate of a PEM file, in file order.
    func certificates(_ path: Located<String>, what: String = "CA bundle") -> Result<[Certificate], CredentialProblem> {
        text(path, what).flatMap { text in
            let certificates = Self.pemBlocks(text).filter { $0.discriminator == "CERTIFICATE" }
                .compactMap { try? Certificate(pemDocument: $0) }
            guard !certificates.isEmpty else {
                return .failure(
                    problem(
                        "certs-unparsable", "the \(what) '\(path.value)' holds no PEM certificate", path,
                        hint: "it must contain '-----BEGIN CERTIFICATE-----' blocks"))
            }
            return .success(certificates)
        }
    }

    func credentials(_ entry: Spec.TLS.ClientCertificate) -> Result<Credentials, CredentialProblem> {
        if let pfx = entry.pfx { return pkcs12(pfx, passphraseEnv: entry.passphraseEnv) }
        guard let certPath = entry.cert, let keyPath = entry.key else {
            return .failure(
                CredentialProblem(
                    diagnostic: .error(
                        "certs-incomplete",
                        "client certificate '\(entry.name.value)' "
                            + "needs 'cert' and 'key', or 'pfx'", at: entry.name.location)))
        }
        let certificate = certificates(certPath, what: "certificate"), key = text(keyPath, "key")
        // Both files are checked, so one run names every missing or unreadable file.
        if case .failure(var problem) = certificate, case .failure(let keyProblem) = key {
            problem.more.append(keyProblem.diagnostic)
            return .failure(problem)
        }
        return certificate.flatMap { chain in
            key.flatMap { keyText in
                var credentials = Credentials(
                    file: certPath.value, keyFile: keyPath.value, location: certPath.location,
                    chain: chain)
                switch privateKey(keyText, keyPath, passphraseEnv: entry.passphraseEnv) {
                case .success(let key): credentials.privateKey = key
                case .failure(let problem) where problem.diagnostic.severity == .warning:
                    credentials.notes.append(problem.diagnostic)
                case .failure(let problem): return .failure(problem)
                }
                return .success(credentials)
            }
        }
    }

    func privateKey(
        _ text: String, _ path: Located<String>,
        passphraseEnv: String?
    ) -> Result<Certificate.PrivateKey, CredentialProblem> {
        let blocks = Self.pemBlocks(text)
        let encrypted =
            text.contains("Proc-Type: 4,ENCRYPTED") || blocks.contains { $0.discriminator == "ENCRYPTED PRIVATE KEY" }
        if encrypted {
            return decrypt(path, passphraseEnv: passphraseEnv)
        }
        guard let block = blocks.first(where: { $0.discriminator.hasSuffix("PRIVATE KEY") }) else {
            return .failure(
                problem(
                    "certs-unparsable", "the key '\(path.value)' holds no PEM private key", path,
                    hint: "expected '-----BEGIN PRIVATE KEY-----', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY'"))
        }
        do {
            return .success(try Certificate.PrivateKey(pemDocument: block))
        } catch {
            return .failure(
                problem(
                    "certs-unparsable", "the key '\(path.value)' cannot be parsed (\(block.discriminator))", path,
                    hint: "RSA and EC (P-256, P-384, P-521) keys in PKCS#1, SEC1 or PKCS#8 PEM are supported"))
        }
    }

    /// PEM blocks of a text that may also hold other lines (openssl's "Bag Attributes", comments).
    static func pemBlocks(_ text: String) -> [PEMDocument] {
        var blocks: [PEMDocument] = []
        var current: [Substring]?
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("-----BEGIN ") {
                current = [line]
            } else if current != nil {
                current?.append(line)
                if trimmed.hasPrefix("-----END ") {
                    if let document = try? PEMDocument(pemString: current!.joined(separator: "\n")) {
                        blocks.append(document)
                    }
                    current = nil
                }
            }
        }
        return blocks
    }

    func problem(
        _ id: String, _ message: String, _ path: Located<String>, hint: String? = nil,
        severity: Diagnostic.Severity = .error
    ) -> CredentialProblem {
        CredentialProblem(diagnostic: Diagnostic(severity, id: id, message, at: path.location, hint: hint))
    }
}
