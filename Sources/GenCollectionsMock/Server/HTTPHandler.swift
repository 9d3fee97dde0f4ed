import Crypto
import Foundation
import GenCollectionsBase
import NIOCore
import NIOHTTP1
import NIOSSL
import X509

/// One connection's HTTP/1.1 requests → the bank → responses. NIO's decoder parses; this handler bounds sizes
/// and time, reads the verified client certificate once, and writes the bank's answer.
final class HTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let bank: @Sendable () -> MockBank?
    private let limits: ServerLimits
    private let log: RequestLog?
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var rejected = false
    private var started = Date()
    private var deadline: Scheduled<Void>?
    private var identity: ClientIdentity??

    init(bank: @escaping @Sendable () -> MockBank?, limits: ServerLimits, log: RequestLog?) {
        self.bank = bank
        self.limits = limits
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case let .head(request):
            head = request
            body = nil
            rejected = false
            started = Date()
            let headerBytes = request.headers.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
            if headerBytes > limits.maxHeaderBytes {
                return reject(context, 431, "the request headers exceed \(limits.maxHeaderBytes) bytes")
            }
            if let length = request.headers.first(name: "content-length").flatMap(Int.init),
                length > limits.maxBodyBytes
            {
                return reject(context, 413, "the body exceeds \(limits.maxBodyBytes) bytes")
            }
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: limits.requestTimeout) {
                loopBound.value.close(promise: nil)
            }
        case var .body(chunk):
            guard !rejected else { return }
            if (body?.readableBytes ?? 0) + chunk.readableBytes > limits.maxBodyBytes {
                return reject(context, 413, "the body exceeds \(limits.maxBodyBytes) bytes")
            }
            if body == nil { body = chunk } else { body!.writeBuffer(&chunk) }
        case .end:
            deadline?.cancel()
            guard !rejected, let head else { return }
            respond(context, to: head)
        }
    }

    private func respond(_ context: ChannelHandlerContext, to head: HTTPRequestHead) {
        let request = MockRequest(
            method: head.method.rawValue, target: head.uri, headers: head.headers.map { ($0.name, $0.value) },
            body: body.map { Array($0.readableBytesView) } ?? [], client: clientIdentity(context))
        body = nil
        let response =
            bank()?.handle(request)
            ?? .obError(503, OBErrorCode.notFound, "the mock is starting; try again in a moment")
        write(context, response, keepAlive: head.isKeepAlive)
        log?.record(request, status: response.status, at: started, milliseconds: -started.timeIntervalSinceNow * 1000)
    }

    /// Answers a request that broke a limit, and closes: the rest of it is not read.
    private func reject(_ context: ChannelHandlerContext, _ status: Int, _ message: String) {
        rejected = true
        deadline?.cancel()
        write(context, .obError(status, OBErrorCode.fieldInvalid, message), keepAlive: false)
    }

    private func write(_ context: ChannelHandlerContext, _ response: MockResponse, keepAlive: Bool) {
        var headers = HTTPHeaders(response.headers.map { ($0.name, $0.value) })
        headers.replaceOrAdd(name: "Content-Length", value: String(response.body.count))
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let head = HTTPResponseHead(
            version: .http1_1, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !response.body.isEmpty {
            context.write(
                wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: response.body)))),
                promise: nil)
        }
        let done = context.writeAndFlushPromise()
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
        if !keepAlive {
            let channel = context.channel
            done.futureResult.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    /// The client certificate the handshake verified, read once per connection.
    private func clientIdentity(_ context: ChannelHandlerContext) -> ClientIdentity? {
        if let identity { return identity }
        let found: ClientIdentity? = {
            guard let handler = try? context.pipeline.syncOperations.handler(type: NIOSSLServerHandler.self),
                let certificate = handler.peerCertificate, let der = try? certificate.toDERBytes()
            else { return nil }
            let subject = (try? Certificate(derEncoded: der).subject.description) ?? "(unreadable subject)"
            let thumbprint = Hex.lowercase(SHA256.hash(data: der))
            return ClientIdentity(subject: subject, thumbprint: thumbprint)
        }()
        identity = .some(found)
        return found
    }
}

extension ChannelHandlerContext {
    fileprivate func writeAndFlushPromise() -> EventLoopPromise<Void> { eventLoop.makePromise() }
}
