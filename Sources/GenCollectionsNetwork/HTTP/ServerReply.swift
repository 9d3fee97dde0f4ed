import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Turns what a server said into text fit for one line of an error message.
enum ServerReply {
    /// At most this many characters of a body are quoted.
    static let quoteLimit = 200

    /// The RFC 7591 / OAuth error (`error: error_description`) when the body has one, else the body as one line,
    /// truncated; `(empty body)` when there is none.
    static func summary(of body: Data) -> String {
        if let reply = JSONValue.parse(body), let code = reply["error"]?.text {
            let detail = reply["error_description"]?.text.map { ": \(oneLine($0))" } ?? ""
            return code + detail
        }
        let text = oneLine(String(decoding: body, as: UTF8.self))
        return text.isEmpty ? "(empty body)" : "'\(text)'"
    }

    /// The text on one line, control characters dropped, cut at `quoteLimit` characters with an ellipsis.
    static func oneLine(_ text: String) -> String {
        let flat = text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : String($0) }.joined()
        let squeezed = flat.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return squeezed.count > quoteLimit ? squeezed.prefix(quoteLimit) + "…" : squeezed
    }

    /// The error for a response whose status is not the one expected.
    static func statusError(_ response: HTTPSResponse, method: HTTPSMethod, url: String, tls: MutualTLS) -> NetworkError
    {
        var message = "\(method.rawValue) \(url): HTTP \(response.status)"
        if !response.reason.isEmpty { message += " \(response.reason)" }
        message += ": \(summary(of: response.body))"
        if let location = response.header("Location") { message += " (redirect to \(oneLine(location)))" }
        message += " (client certificate \(tls.certificateLabel))"
        return NetworkError(.service, id: "network-http-status", message)
    }
}
