import Foundation
import GenCollectionsTestSupport
import GenCollectionsBase
import GenCollectionsCore
import _CryptoExtras

/// An RSA signing key made once per test run, in process.
enum TestKeys {
    static let signing: _RSA.Signing.PrivateKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)

    /// A software statement shaped like the Directory's (the signature is not checked by anyone here).
    static func softwareStatement(
        softwareID: String = "SoftwareId123",
        redirectURIs: [String] = ["https://tpp.example.com/callback"]
    ) -> String {
        let header = JSONValue.object([
            ("alg", .string("PS256")), ("kid", .string("directory")), ("typ", .string("JWT")),
        ])
        let claims = JSONValue.object([
            ("software_id", .string(softwareID)),
            ("software_redirect_uris", .array(redirectURIs.map(JSONValue.string))),
            ("software_roles", .array([.string("AISP"), .string("PISP")])),
        ])
        return [header, claims].map { Base64URLForTests.encode($0.rendered(indent: nil)) }.joined(separator: ".")
            + ".c2lnbmF0dXJl"
    }

    /// A temporary folder for one test.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gen-collections-net-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}

/// Independent of the code under test, so a bug in `Base64URL` cannot hide itself.
enum Base64URLForTests {
    static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: some StringProtocol) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }

    static func json(_ segment: some StringProtocol) -> [String: Any]? {
        decode(segment).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
    }
}

/// Runs a command line tool, for the independent verifiers.
enum ToolRunner {
    static func find(_ name: String) -> String? { Shell.which(name) }

    /// Runs the tool and returns its exit status and combined output.
    static func run(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let run = Shell.run(path, arguments)
        return (run.status, run.output + run.error)
    }

    /// Whether python3 with the `cryptography` package can be used.
    static let pythonCryptography: String? = {
        guard let python = find("python3"),
            let result = try? run(python, ["-c", "import cryptography"]), result.status == 0
        else { return nil }
        return python
    }()
}
