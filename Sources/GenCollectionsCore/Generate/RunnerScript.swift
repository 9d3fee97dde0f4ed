import Crypto
import Foundation
import GenCollectionsBase

/// `run-newman.sh` and its plan. The script is the same file in every bundle (`templates/run-newman.sh`) and
/// holds no spec text; what it runs is in `run-newman.plan.json`: the files, the certificate settings and the
/// requests in collection order, with their folders, the consent steps that split a run into phases, and the
/// flows that run only when asked for (`once`).
public enum RunnerScript {
    /// File name of the runner in the output folder.
    public static let fileName = "run-newman.sh"
    /// File name of the plan the runner reads, beside it.
    public static let planFileName = "run-newman.plan.json"
    /// The runner's exit statuses (also in its `--help` and docs/certificates-and-runner.md).
    public enum ExitStatus {
        public static let failed: Int32 = 1
        /// Waiting for the PSU's authorisation code; the run is saved.
        public static let awaitingCode: Int32 = 10
        public static let psuRefused: Int32 = 11
        public static let bankRefused: Int32 = 12
        public static let psuCommandFailed: Int32 = 13
        public static let usage: Int32 = 64
        public static let noCode: Int32 = 65
        public static let missingFile: Int32 = 66
        public static let noNewman: Int32 = 127
    }

    /// What `run-newman.sh` reads. Keys are written sorted, so the same spec gives the same bytes.
    struct Plan {
        struct Passphrase {
            var certificate: String
            var variable: String
        }
        struct Request {
            var name: String
            var folder: String
            var once: Bool
            var consent: Consent?
        }
        struct Consent {
            var urlVariable: String
            var codeVariable: String
            var signing: Signing?
        }
        struct Signing {
            var algorithm = "PS256"
            var key: String
            var passphraseVariable: String?
        }

        var format = 1
        var title: String
        var spec: String
        var collection: String
        var environment: String
        var certificateList: String?
        var caBundle: String?
        var insecure: Bool
        var passphrases: [Passphrase]
        var requests: [Request]
        var fingerprint: String

        /// The plan file's value; a nil member is left out.
        var json: JSONValue {
            .object(omittingNil: [
                ("format", .number(String(format))), ("title", .string(title)), ("spec", .string(spec)),
                ("collection", .string(collection)), ("environment", .string(environment)),
                ("certificateList", certificateList.map(JSONValue.string)),
                ("caBundle", caBundle.map(JSONValue.string)),
                ("insecure", .bool(insecure)),
                (
                    "passphrases",
                    .array(
                        passphrases.map {
                            .object([("certificate", .string($0.certificate)), ("variable", .string($0.variable))])
                        })
                ),
                ("requests", .array(requests.map(\.json))), ("fingerprint", .string(fingerprint)),
            ])
        }
    }

    /// The runner script and its plan.
    /// - Parameters:
    ///   - collectionFile: the collection's path relative to the output folder.
    ///   - environmentFile: the environment's path relative to the output folder.
    public static func artifacts(
        for spec: Spec, collectionFile: String, environmentFile: String,
        includeUnsupported: Bool = false
    ) throws -> [Artifact] {
        guard let script = EmbeddedResources.files["templates/\(fileName)"] else {
            throw Templates.MissingTemplate(path: "templates/\(fileName)")
        }
        let plan = plan(
            for: spec, collectionFile: collectionFile, environmentFile: environmentFile,
            includeUnsupported: includeUnsupported)
        return [
            Artifact(path: fileName, text: script, executable: true),
            Artifact(path: planFileName, contents: plan.json.data(.canonical)),
        ]
    }

    static func plan(
        for spec: Spec, collectionFile: String, environmentFile: String, includeUnsupported: Bool
    ) -> Plan {
        let flows = spec.includedFlows(includeUnsupported: includeUnsupported)
        var signing: Plan.Signing?
        if case let .ps256(key) = spec.requestObject.signing {
            signing = Plan.Signing(key: key.key.value, passphraseVariable: key.passphraseEnv)
        }
        let requests = flows.flatMap { flow in
            flow.steps.map { step in
                Plan.Request(
                    name: step.name.value, folder: flow.name.value, once: flow.once,
                    consent: step.consent.map {
                        Plan.Consent(urlVariable: $0.saveAs, codeVariable: $0.codeVariable, signing: signing)
                    })
            }
        }
        let tls = spec.tls
        let verify = tls?.verify ?? true
        return Plan(
            title: spec.title, spec: spec.name.value, collection: collectionFile, environment: environmentFile,
            certificateList: (tls?.clientCertificates.isEmpty ?? true)
                ? nil : CertificateSettings.certificateListFile,
            caBundle: verify ? tls?.caBundle?.value : nil, insecure: !verify,
            passphrases: (tls?.clientCertificates ?? []).compactMap { certificate in
                certificate.passphraseEnv.map { Plan.Passphrase(certificate: certificate.name.value, variable: $0) }
            },
            requests: requests, fingerprint: fingerprint(collectionFile: collectionFile, flows: flows))
    }

    /// A short hash of the request list: a state saved by one collection is never resumed by another.
    static func fingerprint(collectionFile: String, flows: [Spec.Flow]) -> String {
        let names =
            [collectionFile] + flows.flatMap { flow in flow.steps.map { "\(flow.name.value)/\($0.name.value)" } }
        let digest = SHA256.hash(data: Data(names.joined(separator: "\n").utf8))
        return Hex.lowercase(digest.prefix(8))
    }
}

extension RunnerScript.Plan.Request {
    var json: JSONValue {
        .object(omittingNil: [
            ("name", .string(name)), ("folder", .string(folder)), ("once", .bool(once)),
            ("consent", consent.map(\.json)),
        ])
    }
}

extension RunnerScript.Plan.Consent {
    var json: JSONValue {
        .object(omittingNil: [
            ("urlVariable", .string(urlVariable)), ("codeVariable", .string(codeVariable)),
            (
                "signing",
                signing.map { signing in
                    .object(omittingNil: [
                        ("algorithm", .string(signing.algorithm)), ("key", .string(signing.key)),
                        ("passphraseVariable", signing.passphraseVariable.map(JSONValue.string)),
                    ])
                }
            ),
        ])
    }
}
