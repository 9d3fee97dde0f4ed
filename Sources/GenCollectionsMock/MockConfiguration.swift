import GenCollectionsBase
import GenCollectionsCore

/// How the PSU approves a consent at the authorisation endpoint.
public enum PSUMode: String, Sendable, CaseIterable {
    /// GET on a valid authorisation URL approves at once, as the first sandbox user (or the request object's
    /// `login_hint`), and redirects with the code: runs need no person.
    case headless
    /// GET shows a login page; POSTing a sandbox user's name and password approves (or denies) and redirects.
    case login
}

/// The bank's settings that do not come from the spec's steps.
public struct MockConfiguration: Sendable {
    /// The mock's origin, `https://127.0.0.1:8443`: every host is mounted on it.
    public var origin: String
    public var psuMode: PSUMode
    public var users: [SandboxUser]
    /// The value `x-fapi-financial-id` must have on resource requests; nil: the header is not checked.
    public var financialID: String?
    /// Seconds an access token (and an authorisation code) stays valid.
    public var tokenLifetime: Double = 600
    public var codeLifetime: Double = 600

    public init(
        origin: String, psuMode: PSUMode = .headless, users: [SandboxUser] = SandboxUser.defaults,
        financialID: String? = nil
    ) {
        self.origin = origin
        self.psuMode = psuMode
        self.users = users.isEmpty ? SandboxUser.defaults : users  // headless approval needs a user
        self.financialID = financialID
    }

    /// The issuer is the origin: the audience of request objects and the `iss` of ID tokens.
    public var issuer: String { origin }

    /// The value the spec sends as `x-fapi-financial-id` (its header sets, variables resolved to their defaults):
    /// a bank that sends the header in its collection requires it.
    public static func financialID(in spec: Spec) -> String? {
        let header = spec.headerSets.flatMap(\.headers).first { $0.name.lowercased() == "x-fapi-financial-id" }
        guard var value = header?.value.value else { return nil }
        for name in TemplateReferences.names(in: value) {
            guard let resolved = spec.variables.first(where: { $0.name.value == name })?.value else { return nil }
            value = value.replacingOccurrences(of: "{{\(name)}}", with: resolved)
        }
        return value
    }
}
