import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL

/// The methods the commands use.
public enum HTTPSMethod: String, Sendable {
    case get = "GET"
    case post = "POST"
}

/// A response as the commands need it: status, headers, and the whole body.
public struct HTTPSResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(name: String, value: String)]
    public var body: Data

    /// The first value of a header, matched case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// One request over mutual TLS with async-http-client: no redirects followed (credentials must not travel to
/// another host), one deadline for the whole exchange, a bounded body, the client always shut down.
public enum HTTPSExchange {
    /// Bodies larger than this are refused (an environment file is a few kilobytes).
    public static let maximumBodySize = 8 * 1024 * 1024

    /// Sends the request and collects the response.
    /// - Parameters:
    ///   - timeout: seconds for connecting, the TLS handshake, sending and receiving the whole response.
    /// - Throws: `NetworkError` (kind `.service`) in one line: what failed, where, with which client certificate.
    public static func send(
        method: HTTPSMethod, url: String, headers: [(String, String)], body: Data? = nil,
        tls: MutualTLS, timeout: TimeInterval
    ) async throws -> HTTPSResponse {
        guard let parsed = URL(string: url), parsed.scheme?.lowercased() == "https", parsed.host != nil else {
            throw NetworkError(
                .invalidInput, id: "network-invalid-url", "'\(url)' is not an https URL",
                hint: "mutual TLS needs https://host/path")
        }
        let configuration = try tls.makeConfiguration()
        let budget = TimeAmount.milliseconds(Int64((max(timeout, 0.001) * 1000).rounded()))
        var clientConfiguration = HTTPClient.Configuration(
            tlsConfiguration: configuration, redirectConfiguration: .disallow,
            timeout: .init(connect: budget, read: budget, write: budget))
        // A refused connection or a failed handshake will fail again: report it now, not at the deadline.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
        var request = HTTPClientRequest(url: url)
        switch method {
        case .get: request.method = .GET
        case .post: request.method = .POST
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }

        let outcome: Result<HTTPSResponse, any Error>
        do {
            let deadline = NIODeadline.now() + budget
            let response = try await client.execute(request, deadline: deadline)
            let bytes = try await response.body.collect(upTo: maximumBodySize)
            outcome = .success(
                HTTPSResponse(
                    status: Int(response.status.code), reason: response.status.reasonPhrase,
                    headers: response.headers.map { ($0.name, $0.value) }, body: Data(bytes.readableBytesView)))
        } catch {
            outcome = .failure(error)
        }
        try? await client.shutdown()
        switch outcome {
        case let .success(response): return response
        case let .failure(error): throw describe(error, method: method, url: url, tls: tls, timeout: timeout)
        }
    }

    /// Turns a client, TLS or socket error into one line that says what happened and what to check.
    static func describe(
        _ error: any Error, method: HTTPSMethod, url: String, tls: MutualTLS,
        timeout: TimeInterval
    ) -> NetworkError {
        let target = "\(method.rawValue) \(url)"
        let certificate = "client certificate \(tls.certificateLabel)"
        func failure(_ id: String, _ message: String) -> NetworkError {
            NetworkError(.service, id: id, "\(target): \(message)")
        }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .deadlineExceeded, .readTimeout, .connectTimeout, .writeTimeout, .tlsHandshakeTimeout,
                .getConnectionFromPoolTimeout:
                return failure(
                    "network-timeout", "no complete response within \(formatted(timeout)) s (\(certificate))")
            case .remoteConnectionClosed:
                return failure(
                    "network-connection-closed",
                    "the server closed the connection without a response; it may have refused the \(certificate)")
            default:
                return failure("network-http-client", "\(clientError) (\(certificate))")
            }
        }
        if error is NIOTooManyBytesError {
            return failure("network-body-too-large", "the response body is larger than \(maximumBodySize) bytes")
        }
        if let tlsError = error as? NIOSSLError {
            let detail: String
            if case let .handshakeFailed(inner) = tlsError { detail = reasons(inner) } else { detail = "\(tlsError)" }
            return failure("network-tls", "TLS handshake failed: \(detail) (\(certificate)\(trustLabel(tls)))")
        }
        if let boringError = error as? BoringSSLError {
            return failure("network-tls", "TLS error: \(reasons(boringError)) (\(certificate)\(trustLabel(tls)))")
        }
        if error is NIOSSLExtraError {
            return failure("network-tls", "TLS error: \(error) (\(certificate)\(trustLabel(tls)))")
        }
        if let socketError = error as? IOError {
            let reason = String(cString: strerror(socketError.errnoCode)).lowercased()
            return failure("network-connect", "cannot reach the server: \(reason) (errno \(socketError.errnoCode))")
        }
        return failure("network-connect", "cannot reach the server: \(error)")
    }

    /// The short reason codes of a BoringSSL error stack, e.g. `SSLV3_ALERT_BAD_CERTIFICATE`.
    static func reasons(_ error: BoringSSLError) -> String {
        let text = "\(error)"
        let codes = text.matches(of: /[A-Z][A-Z0-9_]{5,}/).map { String($0.output) }
            .filter { !$0.hasPrefix("OPENSSL") && !$0.hasPrefix("SSL_ROUTINES") }
        guard !codes.isEmpty else { return text }
        let joined = codes.joined(separator: ", ")
        if codes.contains(where: { $0.contains("ALERT") && ($0.contains("CERTIFICATE") || $0.contains("UNKNOWN_CA")) })
        {
            return joined + "; the server refused the client certificate"
        }
        if codes.contains("CERTIFICATE_VERIFY_FAILED") {
            return joined + "; the server's certificate is not trusted (give --ca-bundle)"
        }
        return joined
    }

    private static func trustLabel(_ tls: MutualTLS) -> String {
        tls.insecure ? ", server not verified" : tls.caBundleFile.map { ", CA bundle \($0)" } ?? ", system CA roots"
    }

    private static func formatted(_ seconds: TimeInterval) -> String {
        seconds.rounded() == seconds ? String(Int(seconds)) : String(seconds)
    }
}
