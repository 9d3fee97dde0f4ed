import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// What a bank returns for a successful registration (RFC 7591 §3.2.1, `OBClientRegistration1`).
public struct RegistrationResponse: Sendable {
    public var clientID: String
    /// Absent for `tls_client_auth` and `private_key_jwt` clients.
    public var clientSecret: String?
    /// The whole response body, as received: it echoes the claims and flattens the SSA's.
    public var body: Data
}

/// Posts a signed registration JWT to the bank's registration endpoint over mutual TLS.
public enum RegistrationClient {
    /// Sends `jwt` as `application/jwt` and reads the client credentials from the 201 reply.
    /// - Throws: `NetworkError`: an RFC 7591 error as `error: error_description` in one line, a TLS or timeout
    ///   failure, or a 201 body without `client_id`.
    public static func register(
        jwt: String, endpoint: String, tls: MutualTLS,
        timeout: TimeInterval = 30
    ) async throws -> RegistrationResponse {
        let response = try await HTTPSExchange.send(
            method: .post, url: endpoint,
            headers: [("Content-Type", "application/jwt"), ("Accept", "application/json")],
            body: Data(jwt.utf8), tls: tls, timeout: timeout)
        guard response.status == 201 || response.status == 200 else {
            throw ServerReply.statusError(response, method: .post, url: endpoint, tls: tls)
        }
        guard let reply = JSONValue.parse(response.body), reply.members != nil else {
            throw NetworkError(
                .service, id: "network-not-json",
                "POST \(endpoint): HTTP \(response.status) but the body is not a JSON object: "
                    + ServerReply.summary(of: response.body))
        }
        guard let clientID = reply["client_id"]?.text, !clientID.isEmpty else {
            throw NetworkError(
                .service, id: "register-no-client-id",
                "POST \(endpoint): HTTP \(response.status) but the body has no client_id (keys: "
                    + reply.sortedKeys.joined(separator: ", ") + ")")
        }
        return RegistrationResponse(
            clientID: clientID, clientSecret: reply["client_secret"]?.text,
            body: response.body)
    }
}
