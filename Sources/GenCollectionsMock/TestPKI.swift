import Crypto
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import SwiftASN1
import X509

/// A throwaway test PKI for the mock: a CA, a server certificate for localhost, 127.0.0.1 and ::1, and a
/// client certificate and key, as PEM files. File names follow the spec's `tls` section (the basenames of
/// `caBundle` and the first client certificate's `cert` and `key`), so `mock --certs out/certs` lines up with a
/// bundle generated into `out/`. Files already in the folder are used as they are, never overwritten.
public struct TestPKI: Sendable {
    public struct Files: Sendable {
        public var folder: String
        public var caCertificate: String
        public var caKey: String
        public var serverCertificate: String
        public var serverKey: String
        public var clientCertificate: String
        public var clientKey: String

        var all: [String] { [caCertificate, caKey, serverCertificate, serverKey, clientCertificate, clientKey] }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// True when the folder or a file cannot be written (exit 73), false for an unusable set of files (exit 1).
        public var unwritable: Bool
    }

    /// The file names in `folder`, from the spec's `tls` section (defaults `ca.pem`, `client.pem`, `client.key`).
    public static func files(in folder: String, spec: Spec) -> Files {
        func base(_ path: String?, _ fallback: String) -> String {
            let name = path.map { ($0 as NSString).lastPathComponent } ?? ""
            return (folder as NSString).appendingPathComponent(name.isEmpty ? fallback : name)
        }
        let client = spec.tls?.clientCertificates.first { $0.cert != nil && $0.key != nil }
        return Files(
            folder: folder, caCertificate: base(spec.tls?.caBundle?.value, "ca.pem"), caKey: base(nil, "mock-ca.key"),
            serverCertificate: base(nil, "mock-server.pem"), serverKey: base(nil, "mock-server.key"),
            clientCertificate: base(client?.cert?.value, "client.pem"),
            clientKey: base(client?.key?.value, "client.key"))
    }

    /// Writes whatever is missing; returns the files written and the files used as they were.
    public static func prepare(_ files: Files, now: Date = Date()) throws -> (written: [String], kept: [String]) {
        let manager = FileManager.default
        let exists = { (path: String) in manager.fileExists(atPath: path) }
        let kept = files.all.filter(exists)
        let missing = files.all.filter { !exists($0) }
        guard !missing.isEmpty else { return ([], kept) }
        do {
            try manager.createDirectory(atPath: files.folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(
                description: "cannot create the folder \(files.folder): \(error.localizedDescription)", unwritable: true
            )
        }
        let validity = (now.addingTimeInterval(-3600), now.addingTimeInterval(2 * 365 * 86400))
        var written: [String] = []
        func write(_ text: String, to path: String, secret: Bool) throws {
            do {
                try SecretWriter.write(Data(text.utf8), to: path, mode: secret ? 0o600 : 0o644)
                written.append(path)
            } catch {
                throw Failure(description: "cannot write \(path): \(error)", unwritable: true)
            }
        }

        // The CA: made fresh only when no certificate it would have signed is there.
        let caKey: Certificate.PrivateKey
        let caName: DistinguishedName
        if exists(files.caCertificate) {
            guard exists(files.caKey) || (exists(files.serverCertificate) && exists(files.clientCertificate)) else {
                throw Failure(
                    description: "\(files.caCertificate) is there but not its key \(files.caKey), so the missing "
                        + "certificates cannot be issued: add them, or empty the folder for a fresh test PKI",
                    unwritable: false)
            }
            if !exists(files.caKey) { return ([], kept) }
            caKey = try load {
                try Certificate.PrivateKey(pemEncoded: String(contentsOfFile: files.caKey, encoding: .utf8))
            }
            caName = try load {
                try Certificate(pemEncoded: String(contentsOfFile: files.caCertificate, encoding: .utf8)).subject
            }
        } else {
            if let stray = [files.serverCertificate, files.clientCertificate, files.caKey].first(where: exists) {
                throw Failure(
                    description: "\(stray) is there but not the CA certificate \(files.caCertificate) that signed it: "
                        + "add it, or empty the folder for a fresh test PKI", unwritable: false)
            }
            let key = P256.Signing.PrivateKey()
            caKey = Certificate.PrivateKey(key)
            caName = try DistinguishedName {
                OrganizationName("gen-collections mock")
                CommonName("gen-collections mock test CA")
            }
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: caKey.publicKey,
                notValidBefore: validity.0, notValidAfter: validity.1, issuer: caName, subject: caName,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                    Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                    SubjectKeyIdentifier(hash: caKey.publicKey)
                }, issuerPrivateKey: caKey)
            try write(key.pemRepresentation, to: files.caKey, secret: true)
            try write(try certificate.serializeAsPEM().pemString, to: files.caCertificate, secret: false)
        }

        func issue(
            certificate path: String, key keyPath: String, subject: DistinguishedName, usage: ExtendedKeyUsage.Usage,
            names: SubjectAlternativeNames?
        ) throws {
            guard !exists(path) else { return }
            if exists(keyPath) {
                throw Failure(description: "\(keyPath) is there without its certificate \(path)", unwritable: false)
            }
            let key = P256.Signing.PrivateKey()
            let publicKey = Certificate.PublicKey(key.publicKey)
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: publicKey,
                notValidBefore: validity.0, notValidAfter: validity.1, issuer: caName, subject: subject,
                signatureAlgorithm: .ecdsaWithSHA256,
                extensions: try Certificate.Extensions {
                    Critical(BasicConstraints.notCertificateAuthority)
                    Critical(KeyUsage(digitalSignature: true))
                    try ExtendedKeyUsage([usage])
                    if let names { names }
                }, issuerPrivateKey: caKey)
            try write(key.pemRepresentation, to: keyPath, secret: true)
            try write(try certificate.serializeAsPEM().pemString, to: path, secret: false)
        }
        try issue(
            certificate: files.serverCertificate, key: files.serverKey,
            subject: try DistinguishedName { CommonName("localhost") }, usage: .serverAuth,
            names: SubjectAlternativeNames([
                .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                .ipAddress(ASN1OctetString(contentBytes: ArraySlice(Array(repeating: 0, count: 15) + [1]))),
            ]))
        try issue(
            certificate: files.clientCertificate, key: files.clientKey,
            subject: try DistinguishedName {
                OrganizationName("gen-collections mock")
                CommonName("gen-collections mock client")
            }, usage: .clientAuth, names: nil)
        return (written, kept)
    }

    private static func load<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw Failure(description: "cannot read the test PKI: \(error)", unwritable: false)
        }
    }
}

/// Writes a file atomically (temporary file, then rename) with the given mode: no partial file, and a key is
/// never readable by others, even for a moment.
enum SecretWriter {
    static func write(_ data: Data, to path: String, mode: mode_t) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary =
            (folder.isEmpty ? "." : folder) + "/.\((path as NSString).lastPathComponent).\(UUID().uuidString)"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
