import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsMock
import GenCollectionsNetwork
import NIOCore

extension GenCollectionsCommand {
    /// `gen-collections mock`: an offline sandbox of the bank, served from the spec over mutual TLS.
    struct Mock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mock",
            abstract: "Serve an offline sandbox of the bank from the spec, over mutual TLS.",
            discussion: HelpText.discussion(
                """
                Token endpoint, consents, the PSU authorisation, accounts, payments, DCR and the helper-API \
                environment download, with state, on one HTTPS origin. With no certificates in --certs, writes a \
                throwaway test PKI there (named after the spec's tls section). A test client is registered at \
                start; --env-out writes its helper environment for 'generate --env'. Prints 'mock: ready on URL' \
                when it listens; stops on SIGTERM or SIGINT. See docs/mock.md.
                """,
                examples: [
                    .init(
                        "An offline bank: its test PKI into out/certs, its test client's helper environment",
                        "gen-collections mock --certs out/certs --env-out mock.json"),
                    .init(
                        "In another shell: a bundle aimed at the mock, then the run",
                        "gen-collections generate --env mock.json --out out && out/run-newman.sh"),
                ],
                exitCodes: [
                    (ExitStatus.success, "stopped by a signal"),
                    (ExitStatus.failure, "invalid spec or unusable certificates"),
                    (ExitStatus.noInput, "an input file cannot be read"),
                    (ExitStatus.unavailable, "the address cannot be bound"),
                    (ExitStatus.cannotCreate, "an output file cannot be written"),
                ]))

        @OptionGroup var source: SpecSourceOptions

        @Option(help: "Port to listen on; 0 picks a free one (printed in the ready line).")
        var port: Int = 8443

        @Option(help: ArgumentHelp("Address to listen on.", valueName: "address"))
        var bind: String = "127.0.0.1"

        @Option(help: ArgumentHelp("Folder of the test PKI; missing files are written.", valueName: "dir"))
        var certs: String = "certs"

        @Option(
            help: ArgumentHelp("Append one JSON line per request to this file (secrets masked).", valueName: "file"))
        var log: String?

        @Option(name: .customLong("pid-file"), help: ArgumentHelp("Write the process id here.", valueName: "file"))
        var pidFile: String?

        @Option(
            name: .customLong("env-out"),
            help: ArgumentHelp("Write the test client's helper environment here (mode 0600).", valueName: "file"))
        var envOut: String?

        @Option(help: "How the PSU approves: headless (GET approves at once) or login (a login page).")
        var psu: PSUMode = .headless

        @Option(
            name: .customLong("user"),
            help: ArgumentHelp(
                "A sandbox user, name:password (repeatable; default rora, mits, ivsa).", valueName: "user"))
        var users: [String] = []

        @Flag(
            name: .customLong("require-client-certificate"),
            help: "Refuse connections without a client certificate in the TLS handshake, the login page's too.")
        var requireClientCertificate = false

        @Option(name: .customLong("idle-timeout"), help: "Seconds of silence before a connection is closed.")
        var idleTimeout: Double = 30

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
            guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be positive") }
            for user in users where !user.contains(":") || user.hasPrefix(":") {
                throw ValidationError("--user wants name:password, got '\(user)'")
            }
        }

        func run() async throws {
            let stop = StopSignal()
            let spec = try source.load()
            say("spec \(spec.name.value) (\(source.spec ?? "bundled"))")
            let files = TestPKI.files(in: certs, spec: spec)
            do {
                let (written, kept) = try TestPKI.prepare(files)
                if !written.isEmpty {
                    say("test PKI: wrote \(written.map(Self.name).joined(separator: ", ")) in \(certs)")
                }
                if !kept.isEmpty {
                    say("test PKI: using \(kept.map(Self.name).joined(separator: ", ")) in \(certs) as they are")
                }
            } catch let failure as TestPKI.Failure {
                printError("\(certs): error: \(failure.description) [mock-certificates]")
                throw failure.unwritable ? ExitStatus.cannotCreate : ExitStatus.failure
            }
            let requestLog: RequestLog?
            do {
                requestLog = try log.map(RequestLog.init(path:))
            } catch {
                printError(
                    "\(log ?? ""): error: cannot write the request log: \(error.localizedDescription) [output-unwritable]"
                )
                throw ExitStatus.cannotCreate
            }
            var limits = ServerLimits()
            limits.idleTimeout = .milliseconds(Int64(idleTimeout * 1000))
            let sandboxUsers =
                users.isEmpty
                ? SandboxUser.defaults
                : users.map { user in
                    let colon = user.firstIndex(of: ":")!
                    return SandboxUser(
                        name: String(user[..<colon]), password: String(user[user.index(after: colon)...]))
                }
            let host = Self.urlHost(bind)
            let server: MockServer
            do {
                server = try await MockServer.start(
                    host: bind, port: port,
                    tls: .init(
                        certificate: files.serverCertificate, key: files.serverKey, clientCA: files.caCertificate),
                    requireClientCertificate: requireClientCertificate, limits: limits, log: requestLog
                ) { bound in
                    MockBank(
                        spec: spec,
                        configuration: MockConfiguration(
                            origin: "https://\(host):\(bound)", psuMode: psu, users: sandboxUsers,
                            financialID: MockConfiguration.financialID(in: spec)))
                }
            } catch let failure as MockServer.Failure {
                printError(
                    "gen-collections mock: error: \(failure.description) [mock-\(failure.bind ? "bind" : "tls")]")
                throw failure.bind ? ExitStatus.unavailable : ExitStatus.noInput
            }
            guard let bank = server.bank else { throw ExitStatus.failure }
            let origin = bank.configuration.origin
            say("test client \(bank.testClient.id), redirect URI \(MockBank.testRedirectURI) (secret not shown)")
            say("PSU approval: \(psu.rawValue); sandbox users \(sandboxUsers.map(\.name).joined(separator: ", "))")
            do {
                if let envOut {
                    let data = Data(bank.helperEnvironmentFile(for: bank.testClient).utf8)
                    try SecretFile.write(data, to: envOut)
                    say("helper environment for the test client: \(envOut) (mode 0600)")
                }
                if let pidFile {
                    try SecretFile.write(Data("\(getpid())\n".utf8), to: pidFile, mode: 0o644)
                }
            } catch {
                await server.stop()
                throw ExitCode(reportFailure(error))
            }
            if let log { say("request log: \(log)") }
            say("base URL \(origin); helper API \(origin)\(bank.routes.helperPath)")
            say("ready on \(origin)")
            await stop.wait()
            say("stopping")
            await server.stop()
            if let pidFile { try? FileManager.default.removeItem(atPath: pidFile) }
        }

        /// `127.0.0.1` → itself, `::1` → `[::1]`, any-address → `localhost` (all in the server certificate).
        static func urlHost(_ address: String) -> String {
            switch address {
            case "0.0.0.0", "::", "": return "localhost"
            default: return address.contains(":") ? "[\(address)]" : address
            }
        }

        static func name(_ path: String) -> String { (path as NSString).lastPathComponent }

    }
}

/// SIGTERM and SIGINT, caught from the start (before the ready line), so that a signal sent as soon as the
/// ready line appears is never lost.
private final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []

    init() {
        for number in [SIGTERM, SIGINT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    private func fire() {
        let waiting = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            fired = true
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume()
    }

    /// Returns once a signal came (at once when it already has).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let already = lock.withLock { () -> Bool in
                if !fired { self.continuation = continuation }
                return fired
            }
            if already { continuation.resume() }
        }
    }
}

extension PSUMode: ExpressibleByArgument {}

/// A status line on standard output, written at once (the ready line is read by scripts through a pipe).
private func say(_ text: String) {
    FileHandle.standardOutput.write(Data("mock: \(text)\n".utf8))
}
