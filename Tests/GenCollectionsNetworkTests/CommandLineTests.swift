import Foundation
import GenCollectionsTestSupport
import Testing
@testable import GenCollectionsNetwork

/// Where `swift build` puts the binary.
enum BuiltBinary {
    static let url = PackagePaths.binary
    static var exists: Bool { PackagePaths.binaryIsBuilt }
}

/// Runs the built binary (`swift build` first) for `register` and `fetch-env`: output, files, modes, exit codes.
@Suite(.enabled(if: BuiltBinary.exists, "build the binary first: swift build"))
struct CommandLineTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in `folder` with `environment` added to this process's environment.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) async throws -> Run {
        let run = Shell.run(BuiltBinary.url.path, arguments, directory: folder, environment: environment)
        return Run(status: run.status, stdout: run.output, stderr: run.error)
    }

    /// A folder with `ssa.jwt` and `signing.key` (PKCS#8).
    static func workspace() throws -> URL {
        let folder = try TestKeys.temporaryFolder()
        try TestKeys.softwareStatement().write(
            to: folder.appendingPathComponent("ssa.jwt"), atomically: true, encoding: .utf8)
        try TestKeys.signing.pkcs8PEMRepresentation.write(
            to: folder.appendingPathComponent("signing.key"), atomically: true, encoding: .utf8)
        return folder
    }

    static let signArguments = [
        "register", "--software-statement", "ssa.jwt", "--signing-key", "signing.key", "--kid", "k1",
    ]

    @Test func registerPrintsAVerifiableJWT() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await Self.run(Self.signArguments, in: folder)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let jwt = run.stdout.trimmingCharacters(in: .newlines)
        #expect(RegistrationJWT.verify(jwt, with: TestKeys.signing.publicKey))
        let claims = try RegistrationJWT.parts(of: jwt).claims
        #expect(claims["iss"] == .string("SoftwareId123"))
        #expect(claims["aud"] == .string("0015800001ZEc3hAAD"))
    }

    @Test func registerExitCodes() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missingKey = try await Self.run(
            ["register", "--software-statement", "ssa.jwt", "--signing-key", "nope.key", "--kid", "k"], in: folder)
        #expect(missingKey.status == 66)
        #expect(missingKey.stderr.hasPrefix("nope.key: error: cannot read the signing key [key-unreadable]"))
        let badClaims = try await Self.run(
            Self.signArguments + ["--redirect-uri", "http://tpp.example.com/cb"], in: folder)
        #expect(badClaims.status == 1)
        #expect(badClaims.stderr.contains("redirect URI 'http://tpp.example.com/cb' must use https"))
        #expect(badClaims.stdout.isEmpty)
        let usage = try await Self.run(Self.signArguments + ["--alg", "HS256"], in: folder)
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("--alg must be PS256 or RS256, not 'HS256'"))
    }

    @Test func registerFileAndEnvironmentOutputs() async throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await Self.run(
            Self.signArguments + ["--alg", "RS256", "-o", "out/jwt.txt", "--environment", "env.json"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let file = folder.appendingPathComponent("out/jwt.txt").path
        let jwt = String(decoding: try #require(FileManager.default.contents(atPath: file)), as: UTF8.self)
        #expect(RegistrationJWT.verify(jwt.trimmingCharacters(in: .newlines), with: TestKeys.signing.publicKey))
        #expect(SecretFile.mode(of: file) == 0o600)
        let environment = try #require(
            FileManager.default.contents(atPath: folder.appendingPathComponent("env.json").path))
        let stored = try #require(PostmanEnvironmentFile.value(of: "registrationJwt", in: environment))
        #expect(RegistrationJWT.verify(stored, with: TestKeys.signing.publicKey))
    }

    @Test(.enabled(if: TestPKI.available, "the openssl CLI is not installed"))
    func sendThenFetchTheEnvironment() async throws {
        let helperBody = #"{"name":"new-client","values":[{"key":"rs","value":"https://rs.example"}]}"#
        let handler: TestHTTPSServer.Handler = { request in
            if request.method == "POST" {
                return .respond(
                    status: 201, contentType: "application/json",
                    body: #"{"client_id":"new-client","client_secret":"top-secret-value"}"#)
            }
            let expected = "Basic " + Data("new-client:top-secret-value".utf8).base64EncodedString()
            return request.header("Authorization") == expected
                ? .respond(status: 200, contentType: "application/json", body: helperBody)
                : .respond(status: 401, contentType: "text/plain", body: "bad credentials")
        }
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await withTestServer(handler) { server, pki in
            let tls = ["--cert", pki.clientCertificate, "--key", pki.clientKey, "--ca-bundle", pki.caCertificate]
            let register = try await Self.run(
                Self.signArguments + ["--send", "--var", "registrationEndpoint=\(server.baseURL)/register"] + tls,
                in: folder)
            #expect(register.status == 0, "\(register.stderr)")
            #expect(register.stdout == "new-client\n")
            #expect(!(register.stdout + register.stderr).contains("top-secret-value"))
            let credentials = folder.appendingPathComponent("client-credentials.json").path
            #expect(SecretFile.mode(of: credentials) == 0o600)

            let fetch = try await Self.run(["fetch-env", "--var", "rs=\(server.baseURL)"] + tls, in: folder)
            #expect(fetch.status == 0, "\(fetch.stderr)")
            #expect(fetch.stdout == "saved new-client.postman_environment.json (1 variables, mode 0600)\n")
            let saved = folder.appendingPathComponent("new-client.postman_environment.json").path
            #expect(FileManager.default.contents(atPath: saved) == Data(helperBody.utf8))
            #expect(SecretFile.mode(of: saved) == 0o600)
            #expect(server.requests.last?.path == "/ozone/v1.0/postman/environment")

            let refused = try await Self.run(
                ["fetch-env", "--var", "rs=\(server.baseURL)", "-o", "other.json"] + tls, in: folder,
                environment: ["GEN_COLLECTIONS_CLIENT_SECRET": "wrong"])
            #expect(refused.status == 69)
            #expect(refused.stderr.contains("HTTP 401 Unauthorized: 'bad credentials'"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("other.json").path))
        }
    }
}
