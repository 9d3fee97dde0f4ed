import GenCollectionsBase

extension Spec {
    /// An ordered folder of steps, such as "Account information".
    public struct Flow: Sendable, Hashable {
        public var name: Located<String>
        /// Stable key; ids and sync matching derive from it, so renaming the flow keeps it.
        public var key: String
        public var description: String?
        /// Header sets for each step that names none of its own.
        public var headerSets: [Located<String>]
        /// Default auth of the steps.
        public var auth: Auth?
        public var steps: [Step]
        /// Set when the bank does not support this flow: left out unless asked for.
        public var unsupported: String?
        /// Onboarding (registration, the helper download): run once, so the runner's default run skips it and
        /// only `--folder` runs it.
        public var once: Bool
        /// The folder's own scripts, written verbatim.
        public var scripts: RawScripts

        /// - Parameter key: default: the name in kebab case.
        public init(
            name: Located<String>, key: String? = nil, description: String? = nil,
            headerSets: [Located<String>] = [], auth: Auth? = nil, steps: [Step] = [], unsupported: String? = nil,
            once: Bool = false, scripts: RawScripts = .init()
        ) {
            self.name = name
            self.key = key ?? Spec.defaultKey(for: name.value)
            self.description = description
            self.headerSets = headerSets
            self.auth = auth
            self.steps = steps
            self.unsupported = unsupported
            self.once = once
            self.scripts = scripts
        }
    }

    /// One request of a flow.
    public struct Step: Sendable, Hashable {
        public var name: Located<String>
        /// Stable key, unique in the spec; defaults to the name in kebab case.
        public var key: String
        public var description: String?
        public var method: String
        /// For a consent step, `{{saveAs}}`: the URL its script builds.
        public var url: Located<String>
        /// Values of `:name` path segments.
        public var pathParams: [NamedValue]
        public var query: [NamedValue]
        /// Header sets for this step; when nil, the flow's apply.
        public var headerSets: [Located<String>]?
        public var headers: [NamedValue]
        public var auth: Auth?
        public var body: Body?
        /// nil: Postman's default (follow). A consent step does not follow redirects.
        public var followRedirects: Bool?
        public var expect: Expectations
        public var captures: [Capture]
        public var consent: Consent?
        /// Extra script lines the spec adds after the generated ones.
        public var prerequestScript: [String]
        public var testScript: [String]
        /// Script text written verbatim after the generated lines (and after `prerequest`/`test`), with no marker.
        public var scripts: RawScripts
        /// Set when the bank does not support this step: left out unless asked for, reason kept.
        public var unsupported: String?
        /// The answer the bank gives, shown as a saved example and served by `gen-collections mock`.
        public var response: ResponseExample?

        /// - Parameters:
        ///   - key: default: the name in kebab case.
        ///   - url: required, except for a consent step, whose URL is `{{saveAs}}`.
        ///   - followRedirects: default: `false` for a consent step, else Postman's default.
        public init(
            name: Located<String>, key: String? = nil, description: String? = nil, method: String = "GET",
            url: Located<String>? = nil, pathParams: [NamedValue] = [], query: [NamedValue] = [],
            headerSets: [Located<String>]? = nil, headers: [NamedValue] = [], auth: Auth? = nil, body: Body? = nil,
            followRedirects: Bool? = nil, expect: Expectations = .init(), captures: [Capture] = [],
            consent: Consent? = nil, prerequestScript: [String] = [], testScript: [String] = [],
            scripts: RawScripts = .init(), unsupported: String? = nil, response: ResponseExample? = nil
        ) {
            self.name = name
            self.key = key ?? Spec.defaultKey(for: name.value)
            self.description = description
            self.method = method
            self.url = url ?? Located(consent.map { "{{\($0.saveAs)}}" } ?? "")
            self.pathParams = pathParams
            self.query = query
            self.headerSets = headerSets
            self.headers = headers
            self.auth = auth
            self.body = body
            self.followRedirects = followRedirects ?? (consent != nil ? false : nil)
            self.expect = expect
            self.captures = captures
            self.consent = consent
            self.prerequestScript = prerequestScript
            self.testScript = testScript
            self.scripts = scripts
            self.unsupported = unsupported
            self.response = response
        }
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
        /// Where the `response` key is, for diagnostics; nil for a spec built in code.
        public var location: SourceLocation?

        public init(status: Int, headers: [NamedValue] = [], body: Body? = nil, location: SourceLocation? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.location = location
        }

        // Locations are where a value was read, not part of it (as with `Located`).
        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.status == rhs.status && lhs.headers == rhs.headers && lhs.body == rhs.body
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(status)
            hasher.combine(headers)
            hasher.combine(body)
        }
    }

    /// The key a flow or step gets when the spec gives none: `Get account balances` → `get-account-balances`.
    public static func defaultKey(for name: String) -> String {
        name.utf8.allSatisfy { $0 < 0x80 } ? asciiKey(for: name) : characterKey(for: name)
    }

    /// `defaultKey` for ASCII text, byte by byte: there a letter or digit is `A`–`Z`, `a`–`z` or `0`–`9`, and the
    /// one two-byte character, `\r\n`, is neither, as its bytes are.
    static func asciiKey(for name: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): slug.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): slug.append(byte + 0x20)
            default: if let last = slug.last, last != UInt8(ascii: "-") { slug.append(UInt8(ascii: "-")) }
            }
        }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        return String(decoding: slug, as: UTF8.self)
    }

    static func characterKey(for name: String) -> String {
        var slug = ""
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }
}
