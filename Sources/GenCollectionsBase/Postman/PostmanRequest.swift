extension Postman {
    /// A request: `{method, header, body, url, auth, description}`, or (v2.1) only its URL as a string.
    public struct Request: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public init(method: String, url: URL, header: [KeyValue] = []) {
            json = .object([("method", .string(method)), ("header", .array(header.map(\.json)))])
            self.url = url
        }

        /// The method as written; nil for a URL-only request or when absent.
        public var method: String? {
            get { text("method") }
            set { set("method", newValue.map(JSONValue.string)) }
        }

        /// The method Newman sends: upper-cased, `GET` when absent.
        public var effectiveMethod: String { method?.uppercased() ?? "GET" }

        public var url: URL? {
            get { json.text != nil ? URL(json: json) : element("url") }
            set {
                // A URL-only request stays a string while its URL is one.
                if json.text != nil, let newValue, newValue.json.text != nil { return json = newValue.json }
                set("url", newValue?.json)
            }
        }

        /// The headers, when they are a list (v2.1 allows one string of `Name: value` lines: `json`).
        public var header: [KeyValue]? {
            get { elements("header") }
            set { set("header", newValue.map { .array($0.map(\.json)) }) }
        }

        public var body: Body? {
            get { element("body") }
            set { set("body", newValue?.json) }
        }

        public var auth: Auth? {
            get { element("auth") }
            set { set("auth", newValue?.json) }
        }

        public var description: String? {
            get { Postman.descriptionText(json["description"]) }
            set { set("description", newValue.map(JSONValue.string)) }
        }

        /// Sets a member; a URL-only request becomes `{url, …}` first.
        private mutating func set(_ key: String, _ value: JSONValue?) {
            if json.text != nil {
                guard value != nil else { return }
                json = .object([("url", json)])
            }
            json[key] = value
        }
    }

    /// A URL: a string, or `{raw, protocol, host, port, path, query, hash, variable}`. Newman reads the parts and
    /// ignores `raw`.
    public struct URL: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        /// A URL object from its parts; empty lists are left out.
        public init(
            raw: String, protocol scheme: String? = nil, host: [String] = [], port: String? = nil,
            path: [String] = [], query: [KeyValue] = [], hash: String? = nil, variables: [KeyValue] = []
        ) {
            json = .object([("raw", .string(raw))])
            setText("protocol", scheme)
            if !host.isEmpty { json["host"] = .array(host.map(JSONValue.string)) }
            setText("port", port)
            if !path.isEmpty { json["path"] = .array(path.map(JSONValue.string)) }
            if !query.isEmpty { setElements("query", query) }
            setText("hash", hash)
            if !variables.isEmpty { setElements("variable", variables) }
        }

        /// `raw`, or the string the URL is.
        public var raw: String? { json.text ?? text("raw") }

        /// The URL as text: the string, `raw`, or (without `raw`) the URL the parts make.
        public var text: String { URLParts.text(of: json, in: JSONValueTree()) }

        /// What Newman sends.
        public var parts: URLParts { URLParts(json, in: JSONValueTree()) }

        public var query: [KeyValue]? {
            get { elements("query") }
            set { setElements("query", newValue) }
        }

        /// Path variables (`:name` segments).
        public var variables: [KeyValue]? {
            get { elements("variable") }
            set { setElements("variable", newValue) }
        }
    }

    /// A request body: `{mode, raw, urlencoded, formdata, file, graphql, options, disabled}`.
    public struct Body: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        /// A raw body in `language` (`json`, `xml`, `text`, …).
        public init(raw: String, language: String) {
            json = .object([
                ("mode", .string("raw")), ("raw", .string(raw)),
                ("options", .object([("raw", .object([("language", .string(language))]))])),
            ])
        }

        /// A form body (`application/x-www-form-urlencoded`).
        public init(urlencoded fields: [KeyValue]) {
            json = .object([("mode", .string("urlencoded")), ("urlencoded", .array(fields.map(\.json)))])
        }

        /// `raw`, `urlencoded`, `formdata`, `file` or `graphql`.
        public var mode: String? { text("mode") }

        public var raw: String? { text("raw") }

        public var urlencoded: [KeyValue]? { elements("urlencoded") }

        public var formdata: [KeyValue]? { elements("formdata") }

        /// `options.raw.language`, the app's syntax highlighting.
        public var language: String? { json["options"]?["raw"]?["language"]?.text }
    }

    /// A saved example response.
    public struct Response: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public init(
            id: String, name: String, originalRequest: Request, code: Int, status: String, previewLanguage: String,
            header: [KeyValue], body: String
        ) {
            json = .object([
                ("id", .string(id)), ("name", .string(name)), ("originalRequest", originalRequest.json),
                ("status", .string(status)), ("code", .number(String(code))),
                ("_postman_previewlanguage", .string(previewLanguage)), ("header", .array(header.map(\.json))),
                ("body", .string(body)),
            ])
        }

        public var name: String? { text("name") }

        /// The status code, when it is an integer.
        public var code: Int? {
            if case .number(let digits)? = json["code"] { return Int(digits) }
            return nil
        }

        public var header: [KeyValue]? { elements("header") }

        public var body: String? { text("body") }
    }
}
