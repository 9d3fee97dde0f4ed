import NIOCore

/// Bounds that keep one client from holding the server: sizes, times and connections.
public struct ServerLimits: Sendable {
    /// All request header lines together (names and values); more gets 431 and the connection closes.
    public var maxHeaderBytes = 16 * 1024
    /// A request body; a larger `Content-Length` (or chunked body) gets 413 and the connection closes.
    public var maxBodyBytes = 1024 * 1024
    /// Silence allowed while a handshake or request is under way, or between requests of a kept-alive
    /// connection; then the connection closes.
    public var idleTimeout: TimeAmount = .seconds(30)
    /// Time allowed from a request's head to its last body byte (a body trickled byte by byte).
    public var requestTimeout: TimeAmount = .seconds(30)
    /// Open connections; one more is accepted and closed at once.
    public var maxConnections = 1024

    public init() {}
}
