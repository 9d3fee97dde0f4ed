extension Postman {
    /// An environment or globals file: `{id, name, values, _postman_variable_scope}` (the app also writes
    /// `_postman_exported_at` and `_postman_exported_using`, kept as they are).
    public struct Environment: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        /// A new environment; `scope` is `environment` or `globals`.
        public init(id: String, name: String, values: [Variable], scope: String = "environment") {
            json = .object([("id", .string(id)), ("name", .string(name))])
            self.values = values
            self.scope = scope
        }

        /// Whether the value has what every environment has: a `values` array.
        public var isEnvironment: Bool { json["values"]?.items != nil }

        public var id: String? {
            get { text("id") }
            set { setText("id", newValue) }
        }

        public var name: String? {
            get { text("name") }
            set { setText("name", newValue) }
        }

        public var values: [Variable] {
            get { elements("values") ?? [] }
            set { setElements("values", newValue) }
        }

        /// `environment` or `globals`.
        public var scope: String? {
            get { text("_postman_variable_scope") }
            set { setText("_postman_variable_scope", newValue) }
        }
    }

    /// Newman's `--ssl-client-cert-list` file: an array of entries.
    public struct CertificateList: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public init(entries: [CertificateEntry]) { json = .array(entries.map(\.json)) }

        public var entries: [CertificateEntry] {
            get { json.items?.map(CertificateEntry.init(json:)) ?? [] }
            set { json = .array(newValue.map(\.json)) }
        }
    }

    /// One client certificate: `{name, matches, key: {src}, cert: {src}, pfx: {src}, passphrase}`.
    public struct CertificateEntry: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public var name: String? { text("name") }

        /// URL patterns: `https://host:port/*`, with a port and a path, or Newman matches nothing.
        public var matches: [String] { json["matches"]?.items?.compactMap(\.text) ?? [] }

        /// The file paths, as written; Newman resolves them from its working directory.
        public var keyFile: String? { json["key"]?["src"]?.text }
        public var certificateFile: String? { json["cert"]?["src"]?.text }
        public var pfxFile: String? { json["pfx"]?["src"]?.text }
    }
}
