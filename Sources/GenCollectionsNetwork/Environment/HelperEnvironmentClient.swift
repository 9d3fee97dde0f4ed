import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Downloads the Postman environment a bank's helper API prepares for a registered client
/// (Ozone-style banks: `GET {rs}/ozone/v1.0/postman/environment`, `Authorization: Basic base64(id:secret)`).
public enum HelperEnvironmentClient {
    /// Where the spec says the helper file is.
    public enum Source: Sendable, Equatable {
        /// The URL, resolved.
        case url(String)
        /// The spec's URL uses these variables, which have no value here.
        case unresolved(String, names: [String])
        /// The spec has no `helperAPI.environment` and no helper step.
        case none
    }

    /// The helper URL a spec gives: its `helperAPI.environment`, else (specs written before that key) the URL of
    /// its `helper-environment` step or of the first GET step whose path ends in `/postman/environment`.
    public static func source(spec: Spec, resolver: SpecValueResolver) -> Source {
        let steps = spec.flows.flatMap(\.steps)
        let step =
            steps.first { $0.key == "helper-environment" }
            ?? steps.first { $0.method == "GET" && $0.url.value.hasSuffix("/postman/environment") }
        guard let template = spec.helperAPI?.environment.value ?? step?.url.value else { return .none }
        let (url, unresolved) = resolver.resolve(template)
        return unresolved.isEmpty ? .url(url) : .unresolved(template, names: unresolved)
    }

    /// Fetches the environment file and checks it is one.
    /// - Returns: the body exactly as the server sent it.
    /// - Throws: `NetworkError` in one line: HTTP status and what the server said, TLS or timeout failures with
    ///   the client certificate used, or a body that is not a Postman environment.
    public static func fetch(
        url: String, clientID: String, clientSecret: String, tls: MutualTLS,
        timeout: TimeInterval = 30
    ) async throws -> Data {
        let credentials = Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
        let response = try await HTTPSExchange.send(
            method: .get, url: url,
            headers: [("Authorization", "Basic \(credentials)"), ("Accept", "application/json")],
            tls: tls, timeout: timeout)
        guard response.status == 200 else {
            throw ServerReply.statusError(response, method: .get, url: url, tls: tls)
        }
        if let problem = PostmanEnvironmentFile.problem(in: response.body) {
            throw NetworkError(
                .service, id: "network-not-environment",
                "GET \(url): HTTP 200 but \(problem); is this the helper API's environment URL?")
        }
        return response.body
    }
}
