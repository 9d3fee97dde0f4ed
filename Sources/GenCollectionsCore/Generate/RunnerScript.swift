import Crypto
import Foundation

/// Renders `run-newman.sh`, the bash script that runs the collection with Newman: certificates, CA, phases
/// split at PSU consent steps, and a resumable wait for the authorisation code.
public enum RunnerScript {
    /// File name of the runner in the output folder.
    public static let fileName = "run-newman.sh"
    /// Exit status of the script while it waits for the PSU consent code (its state is saved).
    public static let awaitingCodeExitStatus: Int32 = 10

    /// The executable runner script.
    /// - Parameters:
    ///   - collectionFile: the collection's path relative to the output folder.
    ///   - environmentFile: the environment's path relative to the output folder.
    public static func artifact(
        for spec: Spec, collectionFile: String, environmentFile: String,
        includeUnsupported: Bool = false
    ) throws -> Artifact {
        let flows = spec.includedFlows(includeUnsupported: includeUnsupported)
        var signingKey: Spec.RequestObject.SigningKey?
        if case let .ps256(key) = spec.requestObject.signing { signingKey = key }
        let requests: [[String: Any]] = flows.flatMap { flow in
            flow.steps.map { step -> [String: Any] in
                let signed = step.consent == nil ? nil : signingKey
                return [
                    "name": shellQuoted(step.name.value), "folder": shellQuoted(flow.name.value),
                    "consentUrlVar": shellQuoted(step.consent?.saveAs ?? ""),
                    "codeVar": shellQuoted(step.consent?.codeVariable ?? ""),
                    "requestObjectKey": shellQuoted(signed?.key.value ?? ""),
                    "requestObjectPassphraseVar": shellQuoted(signed?.passphraseEnv ?? ""),
                ]
            }
        }
        let tls = spec.tls
        let passphrases: [[String: Any]] = (tls?.clientCertificates ?? []).compactMap { certificate in
            certificate.passphraseEnv.map {
                ["certificate": shellQuoted(certificate.name.value), "variable": shellQuoted($0)]
            }
        }
        let hasCertificates = !(tls?.clientCertificates.isEmpty ?? true)
        let verify = tls?.verify ?? true
        let context: [String: Any] = [
            "title": spec.title, "specName": spec.name.value,
            "collection": shellQuoted(collectionFile), "environment": shellQuoted(environmentFile),
            "certList": shellQuoted(hasCertificates ? CertificateSettings.certificateListFile : ""),
            "caBundle": shellQuoted(verify ? tls?.caBundle?.value ?? "" : ""),
            "insecure": verify ? "0" : "1",
            "passphrases": passphrases, "requests": requests,
            "fingerprint": fingerprint(collectionFile: collectionFile, flows: flows),
        ]
        return Artifact(
            path: fileName, text: try Templates.render("templates/run-newman.sh.mustache", context),
            executable: true)
    }

    /// `text` as one bash word in single quotes.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A short hash of the request list: a state saved by one collection is never resumed by another.
    static func fingerprint(collectionFile: String, flows: [Spec.Flow]) -> String {
        let names =
            [collectionFile] + flows.flatMap { flow in flow.steps.map { "\(flow.name.value)/\($0.name.value)" } }
        let digest = SHA256.hash(data: Data(names.joined(separator: "\n").utf8))
        return digest.prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
