import GenCollectionsBase

/// A parsed spec (format version 1): what a bank's API looks like and the flows to run against it.
///
/// Loaded by `SpecLoader`; every field a diagnostic may point at keeps its source location.
public struct Spec: Sendable, Hashable {
    /// File stem of the generated files, e.g. `monese-sandbox`.
    public var name: Located<String>
    public var title: String
    public var description: String?
    /// Version of the described API, e.g. `v3.1.11`.
    public var apiVersion: String?
    public var hosts: [Host]
    public var variables: [Variable]
    public var headerSets: [HeaderSet]
    public var tls: TLS?
    public var registration: Registration?
    public var flows: [Flow]
    /// The spec file as the user named it.
    public var file: String
}

extension Spec {
    /// A base URL held in an environment variable, such as the resource server `rs`.
    public struct Host: Sendable, Hashable {
        public var name: Located<String>
        public var url: Located<String>
        public var description: String?
        /// Keys of the bank's helper-API environment file that may supply the value; the first present wins.
        public var from: [String] = []
    }

    /// An environment variable the collection uses.
    public struct Variable: Sendable, Hashable {
        /// How a variable gets a fresh value before every request.
        public enum Generator: String, Sendable, Hashable, CaseIterable {
            case uuid, httpDate, isoDateTime, epochSeconds
        }

        public var name: Located<String>
        public var value: String?
        public var description: String?
        public var secret: Bool
        /// Keys of the bank's helper-API environment file that may supply the value; the first present wins.
        public var from: [String] = []
        public var generate: Generator?
    }

    /// Headers several requests share, e.g. the FAPI headers.
    public struct HeaderSet: Sendable, Hashable {
        public var name: Located<String>
        public var headers: [NamedValue]
    }

    public struct NamedValue: Sendable, Hashable {
        public var name: String
        public var value: Located<String>
    }

    /// Mutual TLS: client certificates per host, and how the bank's server certificate is trusted.
    public struct TLS: Sendable, Hashable {
        public struct ClientCertificate: Sendable, Hashable {
            public var name: Located<String>
            /// PEM certificate and key, or a PKCS#12 file. Paths are relative to where the runner runs.
            public var cert: Located<String>?
            public var key: Located<String>?
            public var pfx: Located<String>?
            /// Name of the environment variable holding the key passphrase; the passphrase is never written.
            public var passphraseEnv: String?
            /// Host names from `hosts`, or host patterns such as `*.ob.monese.com` or `localhost:8443`.
            public var hosts: [Located<String>]
        }

        public var clientCertificates: [ClientCertificate]
        /// PEM bundle of the CAs that issued the bank's server certificates.
        public var caBundle: Located<String>?
        /// `false` turns server certificate verification off (`--insecure`), with a warning.
        public var verify: Bool
    }

    /// Dynamic Client Registration: where to register and the claims of the registration JWT.
    public struct Registration: Sendable, Hashable {
        public var endpoint: Located<String>?
        /// Claims in spec order; values may hold `{{variables}}`.
        public var claims: [Claim]
        /// Environment variable the registration request sends as its body.
        public var bodyVariable: String

        public struct Claim: Sendable, Hashable {
            public var name: Located<String>
            public var value: JSONValue
        }
    }

    /// An ordered folder of steps, such as "Account information".
    public struct Flow: Sendable, Hashable {
        public var name: Located<String>
        /// Stable key; ids and sync matching derive from it, so renaming the flow keeps it.
        public var key: String
        public var description: String?
        public var headerSets: [Located<String>]
        public var auth: Auth?
        public var steps: [Step]
        /// Set when the bank does not support this flow: left out unless asked for.
        public var unsupported: String?
    }

    /// One request of a flow.
    public struct Step: Sendable, Hashable {
        public var name: Located<String>
        /// Stable key, unique in the spec; defaults to the name in kebab case.
        public var key: String
        public var description: String?
        public var method: String
        public var url: Located<String>
        /// Values of `:name` path segments.
        public var pathParams: [NamedValue]
        public var query: [NamedValue]
        /// Header sets for this step; when nil, the flow's apply.
        public var headerSets: [Located<String>]?
        public var headers: [NamedValue]
        public var auth: Auth?
        public var body: Body?
        public var followRedirects: Bool?
        public var expect: Expectations
        public var captures: [Capture]
        public var consent: Consent?
        /// Extra script lines the spec adds after the generated ones.
        public var prerequestScript: [String]
        public var testScript: [String]
        /// Set when the bank does not support this step: left out unless asked for, reason kept.
        public var unsupported: String?
        /// The answer the bank gives, shown as a saved example and served by `gen-collections mock`.
        public var response: ResponseExample? = nil
    }

    /// A step's example response: what `gen-collections mock` answers and what the step's tests are checked
    /// against.
    public struct ResponseExample: Sendable, Hashable {
        public enum Body: Sendable, Hashable {
            case json(JSONValue)
            case text(String)
        }

        public var status: Int
        public var headers: [NamedValue]
        public var body: Body?
        /// Where the `response` key is, for diagnostics.
        public var location: SourceLocation

        public init(status: Int, headers: [NamedValue] = [], body: Body? = nil, location: SourceLocation) {
            self.status = status
            self.headers = headers
            self.body = body
            self.location = location
        }
    }

    public enum Auth: Sendable, Hashable {
        case none
        case basic(username: Located<String>, password: Located<String>)
        /// A pre-encoded `base64(clientId:clientSecret)`, sent as `Authorization: Basic <token>`.
        case basicToken(Located<String>)
        case bearer(Located<String>)
    }

    public enum Body: Sendable, Hashable {
        case json(JSONValue, at: SourceLocation)
        case form([NamedValue])
        case raw(Located<String>, contentType: String)
    }

    public struct Expectations: Sendable, Hashable {
        public var status: [Int]
        public var json: [FieldExpectation]
        public var headers: [FieldExpectation]

        public init(status: [Int] = [], json: [FieldExpectation] = [], headers: [FieldExpectation] = []) {
            self.status = status
            self.json = json
            self.headers = headers
        }
    }

    /// An assertion on one JSON field or header of the response.
    public struct FieldExpectation: Sendable, Hashable {
        public enum Check: Sendable, Hashable {
            case present, absent
            case equals(JSONValue)
            case oneOf([JSONValue])
        }

        public var path: Located<String>
        public var check: Check
    }

    /// A response value saved into an environment variable for later steps.
    public struct Capture: Sendable, Hashable {
        public enum Source: Sendable, Hashable {
            /// A dotted path into the JSON body: `Data.Account[0].AccountId`.
            case json(JSONPath)
            case header(String)
            /// A parameter of the `Location` header's query or fragment, e.g. the auth `code`.
            case redirect(String)
            /// The whole body as text.
            case body
        }

        public var variable: Located<String>
        public var source: Source
    }

    /// The PSU consent step: builds the authorisation URL with an unsigned request object and checks that the
    /// bank's authorisation server accepts it. The runner prints the URL and collects the code.
    public struct Consent: Sendable, Hashable {
        public var authorizeEndpoint: Located<String>
        public var clientId: Located<String>
        public var responseType: String
        public var scope: String
        public var redirectUri: Located<String>
        public var intentId: Located<String>
        public var audience: Located<String>
        /// Variable the consent URL is saved to.
        public var saveAs: String
        /// Variable that receives the authorisation code from the PSU's redirect.
        public var codeVariable: String
    }
}
