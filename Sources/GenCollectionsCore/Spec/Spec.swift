import GenCollectionsBase

/// A spec (format version 1): what a bank's API looks like and the flows to run against it.
///
/// `SpecLoader` reads one from YAML, keeping the source location of every value a diagnostic may point at;
/// `SpecWriter` turns one back into YAML. Importers build one in code with the initialisers, which take the
/// defaults a spec file may leave out.
public struct Spec: Sendable, Hashable {
    /// File stem of the generated files, e.g. `my-bank-sandbox`.
    public var name: Located<String>
    /// The collection and environment name.
    public var title: String
    public var description: String?
    /// Version of the described API, e.g. `v3.1.11`.
    public var apiVersion: String?
    public var hosts: [Host]
    public var variables: [Variable]
    public var headerSets: [HeaderSet]
    public var tls: TLS?
    public var registration: Registration?
    /// How the client authenticates at the token endpoint; steps with `auth: client` use it.
    public var clientAuth: ClientAuth?
    /// The request object the consent steps put into the authorisation URL.
    public var requestObject: RequestObject
    /// The bank's helper API, e.g. the Ozone environment-file download.
    public var helperAPI: HelperAPI?
    /// The collection's own scripts, written verbatim (spec key `scripts`).
    public var scripts: RawScripts
    /// Whether the collection-level test script that reads a failed request's reason (for the status tests'
    /// messages) is generated; `scripts.bankReason: false` leaves it out, as an adopted collection had none.
    public var bankReason: Bool
    public var flows: [Flow]

    /// - Parameter title: default: the name.
    public init(
        name: Located<String>, title: String? = nil, description: String? = nil, apiVersion: String? = nil,
        hosts: [Host] = [], variables: [Variable] = [], headerSets: [HeaderSet] = [], tls: TLS? = nil,
        registration: Registration? = nil, clientAuth: ClientAuth? = nil, requestObject: RequestObject = .init(),
        helperAPI: HelperAPI? = nil, scripts: RawScripts = .init(), bankReason: Bool = true, flows: [Flow] = []
    ) {
        self.name = name
        self.title = title ?? name.value
        self.description = description
        self.apiVersion = apiVersion
        self.hosts = hosts
        self.variables = variables
        self.headerSets = headerSets
        self.tls = tls
        self.registration = registration
        self.clientAuth = clientAuth
        self.requestObject = requestObject
        self.helperAPI = helperAPI
        self.scripts = scripts
        self.bankReason = bankReason
        self.flows = flows
    }

    /// The spec file as the user named it; nil for a spec built in code.
    public var file: String? { name.location?.file }
}

extension Spec {
    /// A base URL held in an environment variable, such as the resource server `rs`.
    public struct Host: Sendable, Hashable {
        /// The variable name, used as `{{name}}`.
        public var name: Located<String>
        /// The default value.
        public var url: Located<String>
        public var description: String?
        /// Keys of the bank's helper-API environment file that may supply the value; the first present wins.
        public var from: [String]

        public init(name: Located<String>, url: Located<String>, description: String? = nil, from: [String] = []) {
            self.name = name
            self.url = url
            self.description = description
            self.from = from
        }
    }

    /// An environment variable the collection uses.
    public struct Variable: Sendable, Hashable {
        /// How a variable gets a fresh value before every request.
        public enum Generator: String, Sendable, Hashable, CaseIterable {
            case uuid, httpDate, isoDateTime, epochSeconds
        }

        public var name: Located<String>
        /// The default value.
        public var value: String?
        public var description: String?
        /// Typed `secret` in the environment and left empty unless the helper file gives it.
        public var secret: Bool
        /// Keys of the bank's helper-API environment file that may supply the value; the first present wins.
        public var from: [String]
        /// Set for a variable that gets a fresh value before every request; it then has no value, source or secret.
        public var generate: Generator?

        public init(
            name: Located<String>, value: String? = nil, description: String? = nil, secret: Bool = false,
            from: [String] = [], generate: Generator? = nil
        ) {
            self.name = name
            self.value = value
            self.description = description
            self.secret = secret
            self.from = from
            self.generate = generate
        }
    }

    /// Headers several requests share, e.g. the FAPI headers.
    public struct HeaderSet: Sendable, Hashable {
        public var name: Located<String>
        public var headers: [NamedValue]

        public init(name: Located<String>, headers: [NamedValue] = []) {
            self.name = name
            self.headers = headers
        }
    }

    /// A name and a string value, in spec order: a header, a query or path parameter, a form field.
    public struct NamedValue: Sendable, Hashable {
        public var name: String
        /// May hold `{{variables}}`.
        public var value: Located<String>

        public init(name: String, value: Located<String>) {
            self.name = name
            self.value = value
        }
    }

    /// The bank's helper API: the service Ozone-style sandboxes run beside the Open Banking APIs.
    public struct HelperAPI: Sendable, Hashable {
        /// URL of the Postman environment prepared for a registered client, e.g.
        /// `{{rs}}/ozone/v1.0/postman/environment`; `fetch-env` downloads it with Basic client credentials.
        public var environment: Located<String>

        public init(environment: Located<String>) { self.environment = environment }
    }
}
