import GenCollectionsBase

extension Spec {
    /// How a step authenticates.
    public enum Auth: Sendable, Hashable {
        /// No auth, and none inherited.
        case none
        /// Postman basic auth.
        case basic(username: Located<String>, password: Located<String>)
        /// A pre-encoded `base64(clientId:clientSecret)`, sent as `Authorization: Basic <token>`.
        case basicToken(Located<String>)
        case bearer(Located<String>)
        /// The client's authentication at the token endpoint, as the spec's `clientAuth` describes it.
        case client
    }

    /// A request body.
    public enum Body: Sendable, Hashable {
        /// Sent as pretty JSON in the order given, with `Content-Type: application/json`.
        case json(Located<JSONValue>)
        /// Sent `application/x-www-form-urlencoded`.
        case form([NamedValue])
        case raw(Located<String>, contentType: String)
    }

    /// What a step's test script asserts about the response.
    public struct Expectations: Sendable, Hashable {
        /// Accepted status codes; empty: not checked.
        public var status: [Int]
        public var json: [FieldExpectation]
        public var headers: [FieldExpectation]

        public init(status: [Int] = [], json: [FieldExpectation] = [], headers: [FieldExpectation] = []) {
            self.status = status
            self.json = json
            self.headers = headers
        }

        public var isEmpty: Bool { status.isEmpty && json.isEmpty && headers.isEmpty }
    }

    /// An assertion on one JSON field or header of the response.
    public struct FieldExpectation: Sendable, Hashable {
        public enum Check: Sendable, Hashable {
            case present, absent
            case equals(JSONValue)
            case oneOf([JSONValue])
        }

        /// A JSON path (`Data.Account[0].AccountId`) or a header name.
        public var path: Located<String>
        public var check: Check

        public init(path: Located<String>, check: Check) {
            self.path = path
            self.check = check
        }
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

        public init(variable: Located<String>, source: Source) {
            self.variable = variable
            self.source = source
        }
    }
}
