import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Assembles the claims of the registration JWT from the spec's `registration.claims` and the command line.
///
/// Order: the spec's claims in spec order (a command-line value replaces its claim in place), then `iss`,
/// `redirect_uris`, `scope` and `software_statement` when the spec lacks them, then fresh `iat`, `exp`, `jti`.
/// Defaults: `iss` comes from `--software-id`, else the spec, else the SSA's `software_id`; `redirect_uris`
/// from `--redirect-uri`, else the spec, else the SSA's `software_redirect_uris`.
public enum RegistrationClaims {
    /// What the command line adds to the spec's claims.
    public struct Input: Sendable {
        public var softwareStatement: SoftwareStatement
        public var redirectURIs: [String]
        public var scope: String?
        public var issuer: String?
        /// Seconds between `iat` and `exp`.
        public var lifetime: Int
        public var issuedAt: Date
        public var jti: UUID

        /// Command-line values; `issuedAt` and `jti` default to now and a fresh UUID v4.
        public init(
            softwareStatement: SoftwareStatement, redirectURIs: [String] = [], scope: String? = nil,
            issuer: String? = nil, lifetime: Int = 3600, issuedAt: Date = Date(), jti: UUID = UUID()
        ) {
            self.softwareStatement = softwareStatement
            self.redirectURIs = redirectURIs
            self.scope = scope
            self.issuer = issuer
            self.lifetime = lifetime
            self.issuedAt = issuedAt
            self.jti = jti
        }
    }

    /// One claim and where its value came from, for messages.
    public struct Claim: Sendable, Hashable {
        public var name: String
        public var value: JSONValue
        /// The spec position for claims from the spec; nil for values from the command line or the SSA.
        public var location: SourceLocation?
        /// Where the value came from, e.g. `--redirect-uri` or `the SSA's software_id`.
        public var origin: String
    }

    /// The claims, validated.
    public struct Built: Sendable {
        public var claims: [Claim]
        /// Warnings found while validating; errors are thrown instead.
        public var warnings: [Diagnostic]

        /// The claims as the signer takes them.
        public var pairs: [(name: String, value: JSONValue)] { claims.map { ($0.name, $0.value) } }
    }

    /// Claims the tool sets on every call; a spec value for them is ignored with a warning.
    static let generated: Set<String> = ["iat", "exp", "jti"]

    /// Builds and validates the claims.
    /// - Throws: `DiagnosticsError` with every problem found when any is an error.
    public static func build(registration: Spec.Registration, input: Input, resolver: SpecValueResolver) throws -> Built
    {
        var claims: [Claim] = []
        var warnings: [Diagnostic] = []
        var unresolved: [Diagnostic] = []
        for claim in registration.claims {
            let name = claim.name.value
            if generated.contains(name) {
                warnings.append(
                    .warning(
                        "register-generated-claim", "the spec's claim '\(name)' is ignored",
                        at: claim.name.location, hint: "register sets iat, exp and jti on every call"))
                continue
            }
            let (value, missing) = resolver.resolve(claim.value)
            for variable in missing {
                unresolved.append(
                    .error(
                        "register-unresolved-variable",
                        "claim '\(name)' uses '{{\(variable)}}', which has no value here",
                        at: claim.name.location,
                        hint: "pass --var \(variable)=VALUE, or give it a value in the spec"))
            }
            claims.append(Claim(name: name, value: value, location: claim.name.location, origin: "the spec"))
        }

        // A claim still holding '{{name}}' would only produce confusing follow-on errors.
        if !unresolved.isEmpty { throw DiagnosticsError(warnings + unresolved) }

        func set(_ name: String, _ value: JSONValue, origin: String, override: Bool) {
            if let index = claims.firstIndex(where: { $0.name == name }) {
                guard override else { return }
                claims[index] = Claim(name: name, value: value, location: nil, origin: origin)
            } else {
                claims.append(Claim(name: name, value: value, location: nil, origin: origin))
            }
        }
        let ssa = input.softwareStatement
        if let issuer = input.issuer {
            set("iss", .string(issuer), origin: "--software-id", override: true)
        } else if let softwareID = ssa.softwareID {
            set("iss", .string(softwareID), origin: "the SSA's software_id", override: false)
        }
        if !input.redirectURIs.isEmpty {
            set(
                "redirect_uris", .array(input.redirectURIs.map(JSONValue.string)), origin: "--redirect-uri",
                override: true)
        } else if let uris = ssa.redirectURIs, !uris.isEmpty {
            set(
                "redirect_uris", .array(uris.map(JSONValue.string)), origin: "the SSA's software_redirect_uris",
                override: false)
        }
        if let scope = input.scope { set("scope", .string(scope), origin: "--scope", override: true) }
        set("software_statement", .string(ssa.value), origin: "--software-statement", override: true)

        let issuedAt = Int(input.issuedAt.timeIntervalSince1970)
        claims.append(Claim(name: "iat", value: .number(String(issuedAt)), location: nil, origin: "the clock"))
        claims.append(
            Claim(
                name: "exp", value: .number(String(issuedAt + input.lifetime)), location: nil,
                origin: "--lifetime"))
        claims.append(
            Claim(
                name: "jti", value: .string(input.jti.uuidString.lowercased()), location: nil,
                origin: "a fresh UUID"))

        let diagnostics = RegistrationClaimsValidator.validate(claims, softwareStatement: ssa)
        let all = warnings + diagnostics
        if all.contains(where: { $0.severity == .error }) { throw DiagnosticsError(all) }
        return Built(claims: claims, warnings: all)
    }
}
