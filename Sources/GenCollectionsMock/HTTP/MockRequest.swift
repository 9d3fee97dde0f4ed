import Foundation

/// An HTTP request as the bank sees it: parsed, with the verified client certificate's identity. No sockets.
public struct MockRequest: Sendable {
    public var method: String
    /// Path and query, as sent (`/token`, `/auth?client_id=...`).
    public var target: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// The client certificate the TLS handshake verified against the mock's CA; nil when none was sent.
    public var client: ClientIdentity?

    public init(
        method: String, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = [],
        client: ClientIdentity? = nil
    ) {
        self.method = method.uppercased()
        self.target = target
        self.headers = headers
        self.body = body
        self.client = client
    }

    /// The percent-decoded path, without the query.
    public var path: String {
        let raw = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let path = String(raw).removingPercentEncoding ?? String(raw)
        return path.isEmpty ? "/" : path
    }

    /// The query's parameters, decoded, in order.
    public var query: [(name: String, value: String)] {
        guard let mark = target.firstIndex(of: "?") else { return [] }
        return FormEncoding.decode(String(target[target.index(after: mark)...]))
    }

    /// The first value of a header, matched without regard to case.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as text (invalid UTF-8 is replaced).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The media type of the body, lowercased, without parameters: `application/json`.
    public var mediaType: String? {
        header("Content-Type").map {
            $0.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        }
    }
}

/// Who is on the other end of the mutual TLS connection.
public struct ClientIdentity: Sendable, Hashable {
    /// The certificate's subject, e.g. `CN=gen-collections mock client`.
    public var subject: String
    /// SHA-256 of the certificate's DER, hex: access tokens are bound to it (RFC 8705 `x5t#S256`).
    public var thumbprint: String

    public init(subject: String, thumbprint: String) {
        self.subject = subject
        self.thumbprint = thumbprint
    }
}
