import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsNetwork

extension GenCollectionsCommand {
    /// `gen-collections register`: signs the Dynamic Client Registration JWT from the spec's claims, and can
    /// store it in an environment file and send it to the bank.
    struct Register: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "register",
            abstract: "Sign the Dynamic Client Registration JWT, and optionally send it to the bank.",
            discussion: HelpText.discussion(
                """
                Claims come from the spec's registration.claims, then --software-id (iss), --redirect-uri and \
                --scope, with fresh iat, exp and jti on every call. {{name}} in the spec's claims and endpoint \
                takes a --var value, else the spec's host URL or variable value of that name.

                Without --output, --environment or --send, the compact JWS is printed on standard output. \
                With --send it is posted as application/jwt over mutual TLS; the reply (client_id and \
                client_secret) is saved with mode 0600 and only the client id is printed.
                """,
                examples: [
                    .init(
                        "Sign the registration JWT into the bundle's environment",
                        """
                        gen-collections register --software-statement ssa.jwt \\
                              --signing-key sign.key --kid KID \\
                              --environment output/monese-sandbox.postman_environment.json
                        """),
                    .init(
                        "Send it to the bank over mutual TLS: saves the reply, prints the client id",
                        """
                        gen-collections register --software-statement ssa.jwt \\
                              --signing-key sign.key --kid KID --send \\
                              --cert transport.pem --key transport.key
                        """),
                ],
                exitCodes: [
                    (ExitStatus.success, "success"),
                    (ExitStatus.failure, "invalid claims, key or spec"),
                    (ExitStatus.noInput, "an input file cannot be read"),
                    (ExitStatus.unavailable, "network failure, or the bank refused"),
                    (ExitStatus.cannotCreate, "an output file cannot be written"),
                ]))

        @OptionGroup var specValues: SpecValueOptions

        @Option(
            name: .customLong("software-statement"),
            help: ArgumentHelp("The SSA: a file, '-' for standard input, or the JWS.", valueName: "file|-|jws"))
        var softwareStatement: String

        @Option(
            name: .customLong("signing-key"),
            help: ArgumentHelp("PEM RSA private key that signs the JWT (PKCS#1 or PKCS#8).", valueName: "file"))
        var signingKey: String

        @Option(help: ArgumentHelp("Key id of the signing key, as in your JWKS.", valueName: "id"))
        var kid: String

        @Option(
            name: .customLong("redirect-uri"),
            help: ArgumentHelp("A redirect URI (repeatable; default: the SSA's).", valueName: "uri"))
        var redirectURIs: [String] = []

        @Option(
            help: ArgumentHelp(
                "Space-separated scopes, e.g. 'openid accounts' (default: the spec's).", valueName: "scopes"))
        var scope: String?

        @Option(
            name: .customLong("software-id"),
            help: ArgumentHelp("The iss claim (default: the SSA's software_id).", valueName: "id"))
        var softwareID: String?

        @Option(help: ArgumentHelp("Signature algorithm: PS256 or RS256.", valueName: "alg"))
        var alg: String = "PS256"

        @Option(help: ArgumentHelp("Seconds from iat to exp.", valueName: "seconds"))
        var lifetime: Int = 3600

        @Option(
            name: [.short, .long],
            help: ArgumentHelp("Write the JWT to this file (mode 0600) instead of standard output.", valueName: "file"))
        var output: String?

        @Option(
            help: ArgumentHelp(
                "Postman environment file to store the JWT in, as the spec's bodyVariable (created if missing).",
                valueName: "file"))
        var environment: String?

        @Flag(help: "POST the JWT to the registration endpoint over mutual TLS.")
        var send = false

        @Option(
            help: ArgumentHelp("Registration endpoint (default: the spec's registration.endpoint).", valueName: "url"))
        var endpoint: String?

        @OptionGroup(title: "Mutual TLS options") var tls: MutualTLSOptions

        @Option(help: ArgumentHelp("Where --send saves the bank's reply (mode 0600).", valueName: "file"))
        var credentials: String = ClientCredentials.defaultFile

        func validate() throws {
            guard JWSAlgorithm(rawValue: alg.uppercased()) != nil else {
                throw ValidationError("--alg must be PS256 or RS256, not '\(alg)'")
            }
            guard lifetime > 0, lifetime <= 86_400 else {
                throw ValidationError("--lifetime must be 1...86400 seconds")
            }
            guard !kid.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--kid is empty") }
        }

        func run() async throws {
            try await reportingFailures(register)
        }

        private func register() async throws {
            let (spec, resolver) = try specValues.load()
            guard let registration = spec.registration else {
                throw NetworkError(
                    .invalidInput, id: "register-no-registration", "the spec has no 'registration' section",
                    file: spec.file, hint: "add registration: {endpoint, bodyVariable, claims}")
            }
            let input = RegistrationClaims.Input(
                softwareStatement: try SoftwareStatement.read(softwareStatement), redirectURIs: redirectURIs,
                scope: scope, issuer: softwareID, lifetime: lifetime)
            let signer = try SigningKey.load(file: signingKey)
            let built = try RegistrationClaims.build(registration: registration, input: input, resolver: resolver)
            built.warnings.forEach { printError($0.description) }
            let jwt = try RegistrationJWT.make(
                claims: built.pairs, key: signer, kid: kid,
                alg: JWSAlgorithm(rawValue: alg.uppercased()) ?? .ps256)

            if let output {
                try SecretFile.write(Data((jwt + "\n").utf8), to: output)
                printError("wrote the registration JWT to \(output)")
            }
            if let environment {
                let existing =
                    FileManager.default.fileExists(atPath: environment)
                    ? try readInput(environment, what: "environment file") : nil
                let updated = try PostmanEnvironmentFile.setting(
                    registration.bodyVariable, to: jwt, in: existing,
                    name: spec.title, file: environment)
                try SecretFile.write(updated, to: environment, mode: SecretFile.mode(of: environment) ?? 0o600)
                printError("set '\(registration.bodyVariable)' in \(environment)")
            }
            if send {
                try await sendRegistration(jwt, registration: registration, resolver: resolver, spec: spec)
            } else if output == nil && environment == nil {
                print(jwt)
            }
        }

        private func sendRegistration(
            _ jwt: String, registration: Spec.Registration, resolver: SpecValueResolver, spec: Spec
        ) async throws {
            let tls = self.tls.filled(from: spec)
            guard tls.hasClientCertificate else {
                throw NetworkError(
                    .invalidInput, id: "register-no-certificate", "--send needs a transport certificate and key",
                    hint: "pass --cert and --key, or name them in the spec's tls.clientCertificates")
            }
            let target: String
            if let endpoint {
                target = endpoint
            } else if let configured = registration.endpoint {
                let (url, unresolved) = resolver.resolve(configured.value)
                guard unresolved.isEmpty else {
                    throw NetworkError(
                        .invalidInput,
                        .error(
                            "register-unresolved-variable",
                            "the registration endpoint uses '{{\(unresolved[0])}}', which has no value here",
                            at: configured.location, hint: "pass --endpoint URL or --var \(unresolved[0])=VALUE"))
                }
                target = url
            } else {
                throw NetworkError(
                    .invalidInput, id: "register-no-endpoint", "the spec has no registration endpoint",
                    hint: "pass --endpoint https://.../register")
            }
            let settings = tls.settings()
            let response = try await RegistrationClient.register(
                jwt: jwt, endpoint: target, tls: settings, timeout: tls.timeout)
            try ClientCredentials.save(response, to: credentials)
            printText(response.clientID)
            printError(
                "registered as client \(response.clientID); the reply is saved in \(credentials) "
                    + "(mode 0600)" + (response.clientSecret == nil ? "; it holds no client secret" : ""))
        }
    }
}
