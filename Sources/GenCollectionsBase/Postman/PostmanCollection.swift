extension Postman {
    /// A collection, format v2.1.0 or v2.0.0: `{info, item, event, variable, auth}`.
    public struct Collection: PostmanElement {
        /// The two formats; they differ only in the layout of auth parameters.
        public enum Format: String, Sendable, CaseIterable {
            case v21 = "v2.1", v20 = "v2.0"

            private static let v21Needle = ByteSearch.Needle("/v2.1."), v20Needle = ByteSearch.Needle("/v2.0.")

            public var schemaURL: String {
                switch self {
                case .v21: return "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
                case .v20: return "https://schema.getpostman.com/json/collection/v2.0.0/collection.json"
                }
            }

            /// The format an `info.schema` URL names (any host: the app has written three).
            public init?(schemaURL: String) {
                // By bytes, not Foundation's `contains` nor the generic `firstRange`: lint asks once per file of a
                // tree, and `firstRange` alone was 5% of a tree's lint.
                if ByteSearch.contains(schemaURL, Self.v21Needle) {
                    self = .v21
                } else if ByteSearch.contains(schemaURL, Self.v20Needle) {
                    self = .v20
                } else {
                    return nil
                }
            }
        }

        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        /// A new collection in format `format`.
        public init(info: Info, items: [Item], format: Format = .v21) {
            json = .object([])
            var info = info
            info.schema = format.schemaURL
            self.info = info
            self.items = items
        }

        /// Whether the value has the two members every collection has: an `info` object and an `item` array.
        public var isCollection: Bool { json["info"]?.members != nil && json["item"]?.items != nil }

        /// The format `info.schema` names; nil when it names neither.
        public var format: Format? { info.schema.flatMap(Format.init(schemaURL:)) }

        public var info: Info {
            get { element("info") ?? Info(json: .object([])) }
            set { setElement("info", newValue) }
        }

        /// The top-level folders and requests in order.
        public var items: [Item] {
            get { elements("item") ?? [] }
            set { setElements("item", newValue) }
        }

        public var events: [Event]? {
            get { elements("event") }
            set { setElements("event", newValue) }
        }

        public var variables: [Variable]? {
            get { elements("variable") }
            set { setElements("variable", newValue) }
        }

        public var auth: Auth? {
            get { element("auth") }
            set { setElement("auth", newValue) }
        }
    }

    /// A collection's `info`: `{_postman_id, name, description, version, schema}`.
    public struct Info: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public init(postmanID: String, name: String, description: String? = nil, version: String? = nil) {
            json = .object([("_postman_id", .string(postmanID)), ("name", .string(name))])
            self.description = description
            if let version { json["version"] = .string(version) }
        }

        public var postmanID: String? {
            get { text("_postman_id") }
            set { setText("_postman_id", newValue) }
        }

        public var name: String? {
            get { text("name") }
            set { setText("name", newValue) }
        }

        public var description: String? {
            get { Postman.descriptionText(json["description"]) }
            set { setText("description", newValue) }
        }

        /// A string, or `{major, minor, patch, identifier}` written as `1.2.3-identifier`.
        public var version: String? {
            let value = json["version"]
            if let text = value?.text { return text }
            guard let value, value.members != nil else { return nil }
            let parts = ["major", "minor", "patch"].map { key -> String in
                if case .number(let digits)? = value[key] { return digits }
                return value[key]?.text ?? "0"
            }
            return parts.joined(separator: ".") + (value["identifier"]?.text.map { "-\($0)" } ?? "")
        }

        public var schema: String? {
            get { text("schema") }
            set { setText("schema", newValue) }
        }
    }

    /// A folder (it has an `item` array) or a request.
    public struct Item: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        /// A folder of items.
        public init(folderID id: String, name: String, items: [Item]) {
            json = .object([("id", .string(id)), ("name", .string(name))])
            self.items = items
        }

        /// A request item.
        public init(requestID id: String, name: String, request: Request) {
            json = .object([("id", .string(id)), ("name", .string(name))])
            self.request = request
        }

        /// Whether it is an object at all (an `item` array may hold other values; they are neither).
        public var isObject: Bool { json.members != nil }

        public var isFolder: Bool { json["item"]?.items != nil }

        public var id: String? {
            get { text("id") }
            set { setText("id", newValue) }
        }

        public var name: String? {
            get { text("name") }
            set { setText("name", newValue) }
        }

        public var description: String? {
            get { Postman.descriptionText(json["description"]) }
            set { setText("description", newValue) }
        }

        /// A folder's items in order; nil for a request.
        public var items: [Item]? {
            get { elements("item") }
            set { setElements("item", newValue) }
        }

        /// A request item's request; v2.1 allows the request to be only its URL, a string.
        public var request: Request? {
            get { element("request") }
            set { setElement("request", newValue) }
        }

        public var events: [Event]? {
            get { elements("event") }
            set { setElements("event", newValue) }
        }

        /// A folder's auth, which its requests inherit.
        public var auth: Auth? {
            get { element("auth") }
            set { setElement("auth", newValue) }
        }

        /// Saved examples.
        public var responses: [Response]? {
            get { elements("response") }
            set { setElements("response", newValue) }
        }

        /// Per-request settings (`followRedirects`, …); a value set here overrides Newman's command-line flags.
        public var protocolProfileBehavior: JSONValue? {
            get { json["protocolProfileBehavior"] }
            set { json["protocolProfileBehavior"] = newValue }
        }
    }
}
