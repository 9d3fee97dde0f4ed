import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsNetwork

extension GenCollectionsCommand {
    /// `gen-collections fetch-env`: downloads the bank's helper-API environment file over mutual TLS.
    struct FetchEnv: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fetch-env",
            abstract: "Download your Postman environment file from the bank's helper API.",
            discussion: HelpText.discussion(
                """
                GET with Authorization: Basic base64(clientId:clientSecret) over mutual TLS. The client id comes \
                from --client-id or the credentials file written by 'register --send'. The secret is never a flag \
                value: it comes from --client-secret-file, else the variable named by --client-secret-env, else \
                the credentials file. The body must be a Postman environment; it is saved atomically with mode 0600. \
                A host the file moves to another domain or scheme than the spec's is reported (a warning); a host \
                moved from https to plain http is an error and the file is not saved.
                """,
                examples: [
                    .init(
                        "After 'register --send': the helper environment (certificates from the spec), then a bundle",
                        """
                        gen-collections fetch-env --output helper.json
                        gen-collections generate --env helper.json
                        """),
                    .init(
                        "A client registered elsewhere, its secret read from a file",
                        """
                        gen-collections fetch-env --client-id ID --client-secret-file secret.txt \\
                              --cert transport.pem --key transport.key
                        """),
                ],
                exitCodes: [
                    (ExitStatus.success, "the file was saved"),
                    (ExitStatus.failure, "invalid input"),
                    (ExitStatus.noInput, "an input file cannot be read"),
                    (ExitStatus.unavailable, "network failure, HTTP error, or a body that is not an environment"),
                    (ExitStatus.cannotCreate, "the output cannot be written"),
                ]))

        @OptionGroup var specValues: SpecValueOptions

        @Option(
            help: ArgumentHelp(
                "Helper-API URL (default: the spec's helperAPI.environment, resolved).",
                valueName: "url"))
        var url: String?

        @Option(
            name: .customLong("client-id"),
            help: ArgumentHelp("Client id (default: client_id in the credentials file).", valueName: "id"))
        var clientID: String?

        @Option(help: ArgumentHelp("The reply saved by 'register --send'.", valueName: "file"))
        var credentials: String = ClientCredentials.defaultFile

        @Option(
            name: .customLong("client-secret-file"),
            help: ArgumentHelp("File holding the client secret (first line).", valueName: "file"))
        var clientSecretFile: String?

        @Option(
            name: .customLong("client-secret-env"),
            help: ArgumentHelp("Environment variable holding the client secret.", valueName: "name"))
        var clientSecretEnv: String = "GEN_COLLECTIONS_CLIENT_SECRET"

        @OptionGroup(title: "Mutual TLS options") var tls: MutualTLSOptions

        @Option(
            name: [.short, .long],
            help: ArgumentHelp(
                "Where to save the file (default: <clientId>.postman_environment.json).", valueName: "file"))
        var output: String?

        func run() async throws {
            try await reportingFailures(fetch)
        }

        private func fetch() async throws {
            let target = try helperURL()
            let (clientID, secret) = try clientCredentials()
            let tls = self.tls.filled(from: try specValues.load().spec)
            guard tls.hasClientCertificate else {
                throw NetworkError(
                    .invalidInput, id: "fetch-env-no-certificate", "no transport certificate and key",
                    hint: "pass --cert and --key, or name them in the spec's tls.clientCertificates")
            }
            let settings = tls.settings()
            let body = try await HelperEnvironmentClient.fetch(
                url: target, clientID: clientID, clientSecret: secret, tls: settings, timeout: tls.timeout)
            let destination = output ?? Self.defaultOutput(for: clientID)
            // Later steps send the client secret and certificate to the hosts this file names: check them first.
            if let helper = try? HelperEnvironment(data: body, file: destination) {
                let problems = HostMoves.problems(in: try specValues.load().spec, helper: helper)
                if problems.contains(where: { $0.severity == .error }) {
                    report(problems)
                    throw NetworkError(
                        .invalidInput, id: "fetch-env-insecure-host",
                        "the bank's environment file moves a host to plain http; it was not saved",
                        hint: "ask the bank; a helper file must keep the spec's https hosts")
                }
                report(problems)
            }
            try SecretFile.write(body, to: destination)
            printText("saved \(destination) (\(PostmanEnvironmentFile.variableCount(in: body)) variables, mode 0600)")
        }

        private func helperURL() throws -> String {
            if let url { return url }
            let (spec, resolver) = try specValues.load()
            switch HelperEnvironmentClient.source(spec: spec, resolver: resolver) {
            case let .url(found):
                return found
            case let .unresolved(template, names):
                throw NetworkError(
                    .invalidInput, id: "fetch-env-no-url",
                    "the helper URL '\(template)' uses '{{\(names[0])}}', which has no value here",
                    file: spec.file, hint: "pass --url, or --var \(names[0])=VALUE")
            case .none:
                throw NetworkError(
                    .invalidInput, id: "fetch-env-no-url", "the spec does not say where the bank's helper API is",
                    file: spec.file,
                    hint: "pass --url, or add helperAPI: {environment: \"{{rs}}/ozone/v1.0/postman/environment\"} "
                        + "to the spec (the Ozone path)")
            }
        }

        /// The client id and secret, from the flags, the secret file, the environment or the credentials file.
        private func clientCredentials() throws -> (String, String) {
            let saved =
                FileManager.default.fileExists(atPath: credentials) || clientID == nil
                ? try ClientCredentials.load(from: credentials) : nil
            guard let clientID = clientID ?? saved?.clientID else {
                throw NetworkError(.invalidInput, id: "fetch-env-no-client-id", "no client id")
            }
            if let clientSecretFile {
                guard let data = try? InputFile.read(clientSecretFile) else {
                    throw NetworkError(
                        .unreadableInput, id: "fetch-env-unreadable-secret", "cannot read the client secret",
                        file: clientSecretFile, hint: "check the path given to --client-secret-file")
                }
                let secret = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(
                    String.init)
                guard let secret, !secret.isEmpty else {
                    throw NetworkError(
                        .invalidInput, id: "fetch-env-empty-secret", "the client secret file is empty",
                        file: clientSecretFile)
                }
                return (clientID, secret)
            }
            if let secret = ProcessInfo.processInfo.environment[clientSecretEnv], !secret.isEmpty {
                return (clientID, secret)
            }
            if let saved, saved.clientID == clientID, let secret = saved.clientSecret {
                return (clientID, secret)
            }
            throw NetworkError(
                .invalidInput, id: "fetch-env-no-secret", "no client secret for client '\(clientID)'",
                hint: "set \(clientSecretEnv), pass --client-secret-file FILE, or use the file "
                    + "'register --send' wrote (--credentials)")
        }

        /// `<clientId>.postman_environment.json`, with characters unsafe in file names replaced.
        static func defaultOutput(for clientID: String) -> String {
            let safe = clientID.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? String($0) : "_" }.joined()
            return (safe.isEmpty || safe.hasPrefix(".") ? "client" + safe : safe) + ".postman_environment.json"
        }
    }
}
