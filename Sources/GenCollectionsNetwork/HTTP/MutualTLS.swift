import Foundation
import GenCollectionsBase
import NIOSSL

/// The client side of mutual TLS: the transport certificate and key the bank expects, and how the bank's
/// server certificate is trusted.
public struct MutualTLS: Sendable {
    /// PEM file holding the client certificate (and optionally its chain).
    public var certificateFile: String
    /// PEM file holding the certificate's private key (PKCS#1, PKCS#8 or EC).
    public var keyFile: String
    /// PEM bundle of the CAs that issued the server certificate; nil trusts the system's roots.
    public var caBundleFile: String?
    /// The key's passphrase, when the key is encrypted.
    public var keyPassphrase: String?
    /// Skips server certificate verification (Postman's "SSL certificate verification off").
    public var insecure: Bool

    /// Client certificate settings; nothing is read until `makeConfiguration()`.
    public init(
        certificateFile: String, keyFile: String, caBundleFile: String? = nil, keyPassphrase: String? = nil,
        insecure: Bool = false
    ) {
        self.certificateFile = certificateFile
        self.keyFile = keyFile
        self.caBundleFile = caBundleFile
        self.keyPassphrase = keyPassphrase
        self.insecure = insecure
    }

    /// The client certificate as messages name it: its path and, when readable, its common name.
    public var certificateLabel: String {
        // NIOSSL exposes the common name only through the certificate's description.
        let described = (try? NIOSSLCertificate.fromPEMFile(certificateFile).first).map { "\($0)" } ?? ""
        let commonName = described.firstMatch(of: /;common_name=([^;>]*)/).map { String($0.output.1) }
        return certificateFile + (commonName.map { " (CN=\($0))" } ?? "")
    }

    /// Loads the PEM files and builds the TLS configuration; a `NIOSSLContext` is made once to catch a key that
    /// does not match its certificate before any connection.
    /// - Throws: `NetworkError` naming the file at fault.
    public func makeConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        // After a timeout, do not wait the default 5 s for a hung server to answer the TLS close.
        configuration.shutdownTimeout = .milliseconds(500)
        configuration.certificateChain = try loadCertificates(certificateFile, flag: "--cert").map { .certificate($0) }
        configuration.privateKey = .privateKey(try loadKey())
        if insecure {
            configuration.certificateVerification = .none
        } else if let caBundleFile {
            configuration.trustRoots = .certificates(try loadCertificates(caBundleFile, flag: "--ca-bundle"))
        }
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw NetworkError(
                .invalidInput, id: "tls-key-mismatch",
                "the key \(keyFile) does not match the certificate \(certificateFile)",
                hint: "give the private key that belongs to the transport certificate")
        }
        return configuration
    }

    private func loadCertificates(_ file: String, flag: String) throws -> [NIOSSLCertificate] {
        guard let data = try? InputFile.read(file) else {
            throw NetworkError(
                .unreadableInput, id: "tls-unreadable-file", "cannot read the file given to \(flag)",
                file: file, hint: "check the path and its permissions")
        }
        guard let certificates = try? NIOSSLCertificate.fromPEMBytes(Array(data)), !certificates.isEmpty else {
            throw NetworkError(
                .invalidInput, id: "tls-invalid-certificate",
                "the file given to \(flag) holds no PEM certificate", file: file,
                hint: "expected '-----BEGIN CERTIFICATE-----'; convert DER with openssl x509 -inform der")
        }
        return certificates
    }

    private func loadKey() throws -> NIOSSLPrivateKey {
        guard let data = try? InputFile.read(keyFile) else {
            throw NetworkError(
                .unreadableInput, id: "tls-unreadable-file", "cannot read the file given to --key",
                file: keyFile, hint: "check the path and its permissions")
        }
        // Always pass a callback: without one, OpenSSL would prompt on the terminal for an encrypted key.
        let passphrase = Array((keyPassphrase ?? "").utf8)
        do {
            return try NIOSSLPrivateKey(bytes: Array(data), format: .pem) { provide in provide(passphrase) }
        } catch {
            let encrypted = String(decoding: data, as: UTF8.self).contains("ENCRYPTED")
            throw NetworkError(
                .invalidInput, id: "tls-invalid-key",
                encrypted
                    ? "the key given to --key is encrypted and the passphrase did not open it"
                    : "the file given to --key holds no PEM private key",
                file: keyFile,
                hint: encrypted
                    ? "set the passphrase in the variable named by --key-passphrase-env"
                    : "expected '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----'")
        }
    }
}
