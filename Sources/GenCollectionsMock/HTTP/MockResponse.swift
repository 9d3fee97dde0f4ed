import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// What the bank answers: status, headers and body. Error bodies follow Open Banking's `OBErrorResponse1`
/// (resource server) or RFC 6749 §5.2 (authorisation server).
public struct MockResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
        headers.append((name, value))
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as JSON, or nil.
    public var json: JSONValue? { try? JSONValue(json: Data(body)) }

    // MARK: - Builders

    static func json(_ status: Int, _ value: JSONValue, headers: [(name: String, value: String)] = []) -> MockResponse {
        MockResponse(
            status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
            body: Array(value.rendered(indent: nil).utf8))
    }

    static func text(_ status: Int, _ text: String, contentType: String = "text/plain; charset=utf-8") -> MockResponse {
        MockResponse(status: status, headers: [("Content-Type", contentType)], body: Array(text.utf8))
    }

    static func html(_ status: Int, _ page: String) -> MockResponse {
        var response = text(status, page, contentType: "text/html; charset=utf-8")
        // The login page carries no script and is framed by no one.
        response.headers += [
            ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"),
            ("X-Frame-Options", "DENY"), ("Cache-Control", "no-store"),
        ]
        return response
    }

    static func redirect(_ location: String) -> MockResponse {
        MockResponse(status: 302, headers: [("Location", location), ("Cache-Control", "no-store")])
    }

    static func noContent() -> MockResponse { MockResponse(status: 204) }

    /// An Open Banking error body: `{"Code", "Id", "Message", "Errors": [{"ErrorCode", "Message", "Path"?}]}`.
    static func obError(_ status: Int, _ code: String, _ message: String, path: String? = nil) -> MockResponse {
        var error: [(key: String, value: JSONValue)] = [("ErrorCode", .string(code)), ("Message", .string(message))]
        if let path { error.append(("Path", .string(path))) }
        let phrase = HTTPStatusText.reason(status).replacingOccurrences(of: " ", with: "")
        return json(
            status,
            .object([
                ("Code", .string("\(status) \(phrase)")), ("Id", .string(UUID().uuidString.lowercased())),
                ("Message", .string(message)), ("Errors", .array([.object(error)])),
            ]))
    }

    /// An OAuth 2.0 error body (RFC 6749 §5.2; RFC 7591 §3.2.2 for registration).
    static func oauthError(_ status: Int, _ error: String, _ description: String) -> MockResponse {
        var response = json(
            status, .object([("error", .string(error)), ("error_description", .string(description))]),
            headers: [("Cache-Control", "no-store")])
        if status == 401 { response.headers.append(("WWW-Authenticate", "Basic realm=\"token\"")) }
        return response
    }
}

/// A refusal is an answer: checks return `Result<Value, MockResponse>` and the caller sends the failure as it is.
extension MockResponse: Error {}
