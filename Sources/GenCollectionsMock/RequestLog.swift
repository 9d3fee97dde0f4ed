import Foundation
import GenCollectionsBase
import GenCollectionsCore
import NIOConcurrencyHelpers

/// The request log (`--log FILE`): one JSON object per line, so a user can see what a collection really sent.
/// `{"time", "method", "path", "query" (names only), "status", "client" (certificate subject or null),
/// "headers" (secrets masked), "ms"}`. Bodies are never logged.
public final class RequestLog: Sendable {
    private let handle: NIOLockedValueBox<FileHandle>

    /// Opens `path` for appending (created with mode 0600).
    public init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        }
        guard let file = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        file.seekToEndOfFile()
        handle = NIOLockedValueBox(file)
    }

    public func record(_ request: MockRequest, status: Int, at time: Date, milliseconds: Double) {
        let line = Self.line(request, status: status, at: time, milliseconds: milliseconds) + "\n"
        handle.withLockedValue { $0.write(Data(line.utf8)) }
    }

    /// Header names whose values are secret: credentials, cookies, and anything named like a secret or token.
    static func isSecret(_ name: String) -> Bool {
        let name = name.lowercased()
        return ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"].contains(name)
            || ["secret", "token", "password", "session"].contains { name.contains($0) }
    }

    /// `Bearer abc` → `Bearer ***`: the scheme stays visible, the credential does not.
    static func mask(_ name: String, _ value: String) -> String {
        guard isSecret(name) else { return value }
        if name.lowercased().hasSuffix("authorization"), let space = value.firstIndex(of: " ") {
            return String(value[..<space]) + " ***"
        }
        return "***"
    }

    static func line(_ request: MockRequest, status: Int, at time: Date, milliseconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let headers = JSONValue.object(request.headers.map { ($0.name.lowercased(), .string(mask($0.name, $0.value))) })
        return JSONValue.object([
            ("time", .string(formatter.string(from: time))), ("method", .string(request.method)),
            ("path", .string(request.path)), ("query", .array(request.query.map { .string($0.name) })),
            ("status", .number(String(status))), ("client", request.client.map { .string($0.subject) } ?? .null),
            ("headers", headers), ("ms", .number(String(format: "%.2f", milliseconds))),
        ]).rendered(indent: nil)
    }
}
