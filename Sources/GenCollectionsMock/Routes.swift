import GenCollectionsBase
import GenCollectionsCore

/// Spec → the mock's URL space. Every spec host is mounted on the mock's one origin at its own URL's path
/// (`{{tokenEndpoint}}` = `https://as1.example/token` is served at `/token`, `{{rs}}` at `/`); a host whose
/// path an earlier host with another authority already took is mounted under `/<host name>` instead, so two
/// hosts never share a path. Each step becomes a route: its method and its path with `:name` and `{{name}}`
/// segments as parameters.
public struct Routes: Sendable {
    /// What the mock knows how to answer.
    public enum Endpoint: Sendable, Hashable {
        case token, authorize, register, helperEnvironment, wellKnown
        /// An Open Banking resource: `aisp` or `pisp`, then the path after it with ids as `{id}`
        /// (`accounts/{id}/balances`), and the ids.
        case resource(group: String, pattern: String, ids: [String])
        /// A step whose path the mock has no logic for: its example, or an Open Banking-shaped default.
        case step
    }

    public struct Route: Sendable {
        public var method: String
        /// Literal segments, or nil for a parameter.
        public var segments: [String?]
        public var step: Spec.Step
    }

    public struct Match: Sendable {
        public var endpoint: Endpoint
        /// The spec step whose path matched, when one did (its example and `unsupported` apply).
        public var step: Spec.Step?
    }

    /// Host name → the path it is mounted at on the mock ("" for the root).
    public private(set) var mounts: [(host: String, path: String)] = []
    public private(set) var routes: [Route] = []
    public private(set) var tokenPath = "/token"
    public private(set) var authorizePath = "/auth"
    public private(set) var registerPath = "/register"
    public private(set) var helperPath = "/ozone/v1.0/postman/environment"

    public init(spec: Spec) {
        var authorities: [String: String] = [:]  // mount → authority that holds it
        for host in spec.hosts {
            let parts = URLParts(host.url.value)
            let authority = parts.host.joined(separator: ".") + (parts.port.map { ":\($0)" } ?? "")
            var path = Self.join(parts.path)
            if let holder = authorities[path], holder != authority { path = "/" + host.name.value + path }
            authorities[path] = authorities[path] ?? authority
            mounts.append((host.name.value, path))
        }
        let steps = spec.flows.flatMap(\.steps)
        for step in steps where step.consent == nil {
            guard let path = mockPath(step.url.value) else { continue }
            routes.append(Route(method: step.method, segments: Self.segments(path), step: step))
            if case let .form(fields)? = step.body, fields.contains(where: { $0.name == "grant_type" }) {
                tokenPath = path
            }
            if path.hasSuffix("/ozone/v1.0/postman/environment") { helperPath = path }
        }
        if let authorize = steps.compactMap(\.consent).first, let path = mockPath(authorize.authorizeEndpoint.value) {
            authorizePath = path
        }
        if let endpoint = spec.registration?.endpoint, let path = mockPath(endpoint.value) {
            registerPath = path
        }
        if !steps.contains(where: { mockPath($0.url.value) == helperPath }), let rs = mounts.first {
            helperPath = rs.path + "/ozone/v1.0/postman/environment"
        }
    }

    /// The mock's URL of a host, on `origin` (`https://127.0.0.1:8443`).
    public func url(ofHost name: String, origin: String) -> String? {
        mounts.first { $0.host == name }.map { origin + $0.path }
    }

    /// The mock path of a spec URL such as `{{rs}}/open-banking/v3.1/aisp/accounts`, or nil when it does not
    /// start with a host (a consent step's URL is a variable the pre-request script fills).
    func mockPath(_ url: String) -> String? {
        if url.hasPrefix("{{"), let close = url.range(of: "}}") {
            let name = String(url[url.index(url.startIndex, offsetBy: 2)..<close.lowerBound])
            guard let mount = mounts.first(where: { $0.host == name }) else { return nil }
            let rest = url[close.upperBound...].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            let path = mount.path + (rest.first.map(String.init) ?? "")
            return path.isEmpty ? "/" : path
        }
        guard url.contains("://") else { return nil }
        let path = Self.join(URLParts(url).path)
        return path.isEmpty ? "/" : path
    }

    /// What a request path is, and the spec step it belongs to.
    public func match(method: String, path: String) -> Match? {
        let segments = Self.segments(path).compactMap { $0 }
        let step = Self.best(routes.filter { Self.matches($0.segments, segments) }, method: method)?.step
        switch path {
        case tokenPath: return Match(endpoint: .token, step: step)
        case authorizePath: return Match(endpoint: .authorize, step: nil)
        case registerPath: return Match(endpoint: .register, step: step)
        case helperPath: return Match(endpoint: .helperEnvironment, step: step)
        default: break
        }
        if path.hasSuffix("/.well-known/openid-configuration") { return Match(endpoint: .wellKnown, step: nil) }
        if let resource = Self.resource(segments) {
            // A resource the spec names (in any of its methods: DELETE of a consent the spec reads).
            let known = routes.contains { route in
                Self.resource(route.segments.map { $0 ?? "{id}" }).map { $0.pattern == resource.pattern } ?? false
            }
            guard known || step != nil else { return nil }
            return Match(
                endpoint: .resource(group: resource.group, pattern: resource.pattern, ids: resource.ids), step: step)
        }
        return step.map { Match(endpoint: .step, step: $0) }
    }

    // MARK: - Paths

    /// `aisp`/`pisp` and the path after it, ids replaced by `{id}`: `accounts/{id}/balances`.
    static func resource(_ segments: [String]) -> (group: String, pattern: String, ids: [String])? {
        guard let at = segments.firstIndex(where: { $0 == "aisp" || $0 == "pisp" }), at + 1 < segments.count else {
            return nil
        }
        let collections: Set<String> = [
            "accounts", "account-access-consents", "balances", "transactions", "domestic-payment-consents",
            "domestic-payments", "beneficiaries", "direct-debits", "standing-orders", "product", "products", "party",
            "parties", "scheduled-payments", "statements", "offers", "funds-confirmation", "payment-details", "file",
        ]
        var pattern: [String] = []
        var ids: [String] = []
        for segment in segments[(at + 1)...] {
            if collections.contains(segment) {
                pattern.append(segment)
            } else {
                pattern.append("{id}")
                ids.append(segment)
            }
        }
        return (segments[at], pattern.joined(separator: "/"), ids)
    }

    private static func best(_ routes: [Route], method: String) -> Route? {
        routes.first { $0.method == method } ?? routes.first
    }

    private static func matches(_ pattern: [String?], _ segments: [String]) -> Bool {
        pattern.count == segments.count && zip(pattern, segments).allSatisfy { $0 == nil || $0 == $1 }
    }

    /// Path segments; `:name` and `{{name}}` segments become nil (parameters).
    static func segments(_ path: String) -> [String?] {
        path.split(separator: "/").map { segment in
            segment.hasPrefix(":") || segment.contains("{{") || segment == "{id}" ? nil : String(segment)
        }
    }

    private static func join(_ segments: [String]) -> String {
        let parts = segments.filter { !$0.isEmpty }
        return parts.isEmpty ? "" : "/" + parts.joined(separator: "/")
    }
}
