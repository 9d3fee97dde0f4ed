import Foundation
import GenCollectionsBase
import GenCollectionsCore
@_spi(FixedExpiryValidationTime) import X509

/// The `certs` pre-flight check: every client certificate and key of the spec's `tls` exists and parses, the
/// key belongs to the certificate, the certificate is valid now (a warning within 30 days of expiry), it chains
/// to the CA bundle, and every https host of the spec is covered by some certificate's `matches` pattern.
public enum CertificateCheck {
    /// How long before expiry a warning is given.
    public static let expiryWarning: TimeInterval = 30 * 24 * 3600

    /// Runs every check; an empty result means all is well.
    /// - Parameters:
    ///   - directory: where relative certificate paths resolve from (the folder `run-newman.sh` runs in).
    ///   - now: the time validity is checked at.
    public static func run(
        spec: Spec, directory: URL, now: Date = Date(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> [Diagnostic] {
        guard let tls = spec.tls else {
            return [
                Diagnostic(
                    .note, id: "certs-no-tls", "the spec has no 'tls' section: no client certificate to check",
                    at: spec.file.map { SourceLocation(file: $0, line: 1, column: 1) })
            ]
        }
        var diagnostics: [Diagnostic] = []
        let loader = CredentialLoader(directory: directory, environment: environment)
        var roots: [Certificate]?
        if let bundle = tls.caBundle {
            switch loader.certificates(bundle) {
            case .success(let certificates): roots = certificates
            case .failure(let problem): diagnostics.append(problem.diagnostic)
            }
        }
        for certificate in tls.clientCertificates {
            switch loader.credentials(certificate) {
            case .failure(let problem):
                diagnostics += problem.all
            case .success(let credentials):
                diagnostics += credentials.notes
                diagnostics += await check(credentials, roots: roots, caBundle: tls.caBundle, now: now)
            }
        }
        diagnostics += HostCoverage.problems(in: spec, tls: tls)
        return diagnostics
    }

    static func check(
        _ credentials: Credentials, roots: [Certificate]?, caBundle: Located<String>?,
        now: Date
    ) async -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let leaf = credentials.chain[0]
        let place = credentials.location
        let name = "'\(credentials.file)'"
        if let key = credentials.privateKey, key.publicKey != leaf.publicKey {
            diagnostics.append(
                .error(
                    "certs-key-mismatch",
                    "the key '\(credentials.keyFile)' does not belong to the certificate \(name)",
                    at: place,
                    hint: "name the key the certificate was issued for (compare "
                        + "'openssl x509 -noout -pubkey' with 'openssl pkey -pubout')"))
        }
        let format = Date.ISO8601FormatStyle().year().month().day()
        if leaf.notValidAfter <= now {
            diagnostics.append(
                .error(
                    "certs-expired", "the certificate \(name) expired on \(leaf.notValidAfter.formatted(format))",
                    at: place, hint: "get a new transport certificate from the bank's directory"))
        } else if leaf.notValidBefore > now {
            diagnostics.append(
                .error(
                    "certs-not-yet-valid",
                    "the certificate \(name) is not valid before \(leaf.notValidBefore.formatted(format))",
                    at: place, hint: "check the clock of this machine, or wait until then"))
        } else if leaf.notValidAfter.timeIntervalSince(now) < expiryWarning {
            let days = Int(leaf.notValidAfter.timeIntervalSince(now) / 86400)
            diagnostics.append(
                .warning(
                    "certs-expires-soon",
                    "the certificate \(name) expires on \(leaf.notValidAfter.formatted(format)) (in \(days) days)",
                    at: place, hint: "renew it before then"))
        }
        if let roots, let caBundle, !roots.isEmpty {
            // Validity is reported above; the chain is checked at a time the leaf is valid so that an expired
            // certificate is not reported twice.
            let time = min(max(now, leaf.notValidBefore), leaf.notValidAfter.addingTimeInterval(-1))
            var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
                RFC5280Policy(fixedExpiryValidationTime: time)
            }
            let result = await verifier.validate(
                leaf: leaf, intermediates: CertificateStore(credentials.chain.dropFirst()))
            if case .couldNotValidate = result {
                diagnostics.append(
                    .error(
                        "certs-untrusted",
                        "the certificate \(name) does not chain to the CA bundle '\(caBundle.value)'",
                        at: place,
                        hint: "check that the bundle holds the CA that issued it, and that "
                            + "intermediate certificates follow the certificate in its file"))
            }
        }
        return diagnostics
    }
}
