import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small HTTPS server on 127.0.0.1 and an ephemeral port that requires a client certificate issued by the test
/// CA, reads one HTTP/1.1 request per connection and answers what the test's handler says (or never answers).
/// It lives as long as the test that started it: `stop()` closes every connection.
final class TestHTTPSServer: Sendable {
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [(name: String, value: String)]
        var body: Data

        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    enum Reply: Sendable {
        case respond(status: Int, contentType: String, body: String)
        /// Accept the request and never answer, to test timeouts.
        case hang
    }

    typealias Handler = @Sendable (Request) -> Reply

    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let log: RequestLog

    /// Requests received so far, in order.
    var requests: [Request] { log.all }

    var baseURL: String { "https://127.0.0.1:\(port)" }

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: any Channel, log: RequestLog) {
        self.port = port
        self.group = group
        self.channel = channel
        self.log = log
    }

    static func start(pki: TestPKI, handler: @escaping Handler) async throws -> TestHTTPSServer {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(pki.serverCertificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.serverKey, format: .pem)))
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(pki.caCertificate))
        let context = try NIOSSLContext(configuration: configuration)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let log = RequestLog()
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context))
                    try channel.pipeline.syncOperations.addHandler(RawHTTPHandler(handler: handler, log: log))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestHTTPSServer(port: channel.localAddress?.port ?? 0, group: group, channel: channel, log: log)
    }

    func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

/// Runs `body` with a started server and stops the server afterwards, whether `body` throws or not.
func withTestServer(
    _ handler: @escaping TestHTTPSServer.Handler,
    _ body: (TestHTTPSServer, TestPKI) async throws -> Void
) async throws {
    guard let pki = TestPKI.shared else { throw CocoaError(.fileNoSuchFile) }
    let server = try await TestHTTPSServer.start(pki: pki, handler: handler)
    do {
        try await body(server, pki)
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Requests seen by the server, shared between its event loop and the test.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [TestHTTPSServer.Request] = []

    func append(_ request: TestHTTPSServer.Request) { lock.withLock { requests.append(request) } }
    var all: [TestHTTPSServer.Request] { lock.withLock { requests } }
}

/// Parses one request (headers, then a Content-Length body) from decrypted bytes and writes the reply.
private final class RawHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let handler: TestHTTPSServer.Handler
    private let log: RequestLog
    private var received = Data()
    private var answered = false

    init(handler: @escaping TestHTTPSServer.Handler, log: RequestLog) {
        self.handler = handler
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        if let bytes = chunk.readBytes(length: chunk.readableBytes) { received.append(contentsOf: bytes) }
        guard !answered, let end = received.range(of: Data("\r\n\r\n".utf8)) else { return }
        let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = head[0].split(separator: " ").map(String.init)
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        let body = received[end.upperBound...]
        guard body.count >= length else { return }
        answered = true
        let request = TestHTTPSServer.Request(
            method: requestLine.first ?? "", path: requestLine.dropFirst().first ?? "",
            headers: headers, body: Data(body.prefix(length)))
        log.append(request)
        guard case let .respond(status, contentType, text) = handler(request) else { return }
        let payload = Array(text.utf8)
        let reasons = [
            200: "OK", 201: "Created", 400: "Bad Request", 401: "Unauthorized", 500: "Internal Server Error",
        ]
        let response =
            "HTTP/1.1 \(status) \(reasons[status] ?? "Status")\r\n"
            + "Content-Type: \(contentType)\r\nContent-Length: \(payload.count)\r\nConnection: close\r\n\r\n"
        var buffer = context.channel.allocator.buffer(capacity: response.utf8.count + payload.count)
        buffer.writeString(response)
        buffer.writeBytes(payload)
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in bound.value.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
