import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// A TLS client that sends raw bytes and reads whatever comes back: for requests no HTTP client would send.
enum RawTLSClient {
    struct Outcome {
        var received: String
        /// The server closed the connection (rather than the client giving up at the timeout).
        var closedByServer: Bool
        /// The TLS or connection error, if any (e.g. a refused certificate).
        var error: (any Error)?

        var statusLine: String { String(received.split(separator: "\r\n").first ?? "") }
    }

    /// Connects to 127.0.0.1:`port` trusting `ca`, with a client certificate when given, writes `bytes`
    /// (nothing when empty), and returns what the server sent until it closed or `timeout` passed.
    static func exchange(
        port: Int, ca: String, certificate: (cert: String, key: String)?, send bytes: [UInt8],
        timeout: TimeAmount = .seconds(5)
    ) async throws -> Outcome {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .file(ca)
        if let certificate {
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(certificate.cert).map {
                .certificate($0)
            }
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: certificate.key, format: .pem))
        }
        let context = try NIOSSLContext(configuration: configuration)
        let collected = Collected()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                    try channel.pipeline.syncOperations.addHandler(Collector(collected))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        if !bytes.isEmpty {
            channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
        }
        let giveUp = channel.eventLoop.scheduleTask(in: timeout) {
            collected.box.withLockedValue { $0.timedOut = true }
            channel.close(promise: nil)
        }
        try? await channel.closeFuture.get()
        giveUp.cancel()
        return collected.box.withLockedValue { state in
            Outcome(
                received: String(decoding: state.bytes, as: UTF8.self), closedByServer: !state.timedOut,
                error: state.error)
        }
    }

    /// A complete HTTP/1.1 request that closes the connection after the answer.
    static func request(_ method: String, _ path: String, headers: [String] = [], body: String = "") -> [UInt8] {
        var lines = ["\(method) \(path) HTTP/1.1", "Host: localhost", "Connection: close"] + headers
        if !body.isEmpty { lines.append("Content-Length: \(body.utf8.count)") }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
    }

    final class Collected: Sendable {
        struct State {
            var bytes: [UInt8] = []
            var timedOut = false
            var error: (any Error)?
        }
        let box = NIOLockedValueBox(State())
    }

    final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let collected: Collected

        init(_ collected: Collected) { self.collected = collected }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            collected.box.withLockedValue { $0.bytes += Array(buffer.readableBytesView) }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            collected.box.withLockedValue { if $0.error == nil { $0.error = error } }
            context.close(promise: nil)
        }
    }
}
