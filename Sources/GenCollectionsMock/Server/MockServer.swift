import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The mock's HTTPS server: SwiftNIO's HTTP/1.1 pipeline behind NIOSSL. Client certificates are verified against
/// the CA; by default a connection may come without one (a browser opening the login page), and the bank
/// refuses it everywhere but the authorisation pages and discovery; `requireClientCertificate` refuses it in
/// the handshake instead.
public final class MockServer: Sendable {
    public struct TLSFiles: Sendable {
        public var certificate: String
        public var key: String
        /// The CA bundle client certificates must chain to.
        public var clientCA: String

        public init(certificate: String, key: String, clientCA: String) {
            self.certificate = certificate
            self.key = key
            self.clientCA = clientCA
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        /// The address could not be bound (exit 69), rather than unreadable TLS files.
        public var bind: Bool
    }

    /// The port the server listens on (the chosen one when started on port 0).
    public let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let bankBox: NIOLockedValueBox<MockBank?>

    private init(port: Int, group: MultiThreadedEventLoopGroup, channel: Channel, bankBox: NIOLockedValueBox<MockBank?>)
    {
        self.port = port
        self.group = group
        self.channel = channel
        self.bankBox = bankBox
    }

    /// Binds `host:port`, then makes the bank for the port actually bound (port 0 picks one).
    public static func start(
        host: String, port: Int, tls files: TLSFiles, requireClientCertificate: Bool = false,
        limits: ServerLimits = ServerLimits(), log: RequestLog? = nil, threads: Int = System.coreCount,
        makeBank: (Int) -> MockBank
    ) async throws -> MockServer {
        let context: NIOSSLContext
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(files.certificate)
            let key = try NIOSSLPrivateKey(file: files.key, format: .pem)
            let roots = try NIOSSLCertificate.fromPEMFile(files.clientCA)
            var configuration = TLSConfiguration.makeServerConfiguration(
                certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
            configuration.trustRoots = .certificates(roots)
            configuration.certificateVerification =
                requireClientCertificate ? .noHostnameVerification : .optionalVerification
            configuration.minimumTLSVersion = .tlsv12
            context = try NIOSSLContext(configuration: configuration)
        } catch {
            throw Failure(description: "cannot load the server certificate, key or CA: \(error)", bind: false)
        }
        let bankBox = NIOLockedValueBox<MockBank?>(nil)
        let connections = NIOLockedValueBox(0)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let admitted = connections.withLockedValue { count -> Bool in
                    guard count < limits.maxConnections else { return false }
                    count += 1
                    return true
                }
                guard admitted else { return channel.close() }
                channel.closeFuture.whenComplete { _ in connections.withLockedValue { $0 -= 1 } }
                return channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    try operations.addHandler(IdleStateHandler(readTimeout: limits.idleTimeout))
                    try operations.addHandler(IdleCloser())
                    try operations.addHandler(NIOSSLServerHandler(context: context))
                    try operations.configureHTTPServerPipeline(withErrorHandling: true)
                    try operations.addHandler(
                        HTTPHandler(bank: { bankBox.withLockedValue { $0 } }, limits: limits, log: log))
                }
            }
        let channel: Channel
        do {
            channel = try await bootstrap.bind(host: host, port: port).get()
        } catch {
            try? await group.shutdownGracefully()
            throw Failure(description: "cannot listen on \(host):\(port): \(error)", bind: true)
        }
        let bound = channel.localAddress?.port ?? port
        bankBox.withLockedValue { $0 = makeBank(bound) }
        return MockServer(port: bound, group: group, channel: channel, bankBox: bankBox)
    }

    public var bank: MockBank? { bankBox.withLockedValue { $0 } }

    /// Stops listening, closes the connections and ends the event loops.
    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }

    /// Waits until the listening socket closes.
    public func wait() async {
        try? await channel.closeFuture.get()
    }
}

/// Closes a connection that went silent (a stalled handshake or half a request) before HTTP parsing starts.
final class IdleCloser: ChannelInboundHandler {
    typealias InboundIn = NIOAny

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }
}
