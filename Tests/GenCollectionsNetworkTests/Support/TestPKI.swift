import Foundation
import GenCollectionsTestSupport

/// Certificates made at test time with the openssl CLI, once per test run, in a temporary folder:
/// a CA, a server certificate for 127.0.0.1, a client certificate the CA issued, and a "stranger" client
/// certificate from another CA that the server must refuse. Nil when openssl is not installed.
struct TestPKI: Sendable {
    let folder: URL
    var caCertificate: String { path("ca.pem") }
    var serverCertificate: String { path("server.pem") }
    var serverKey: String { path("server.key") }
    var clientCertificate: String { path("client.pem") }
    var clientKey: String { path("client.key") }
    var strangerCertificate: String { path("stranger.pem") }
    var strangerKey: String { path("stranger.key") }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The shared instance, made on first use.
    static let shared: TestPKI? = try? make()

    static var available: Bool { shared != nil }

    private static func make() throws -> TestPKI {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "gen-collections-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = """
            set -e
            ec="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
            printf 'basicConstraints=CA:FALSE\\nsubjectAltName=IP:127.0.0.1,DNS:localhost\\nextendedKeyUsage=serverAuth\\n' > server.ext
            printf 'basicConstraints=CA:FALSE\\nextendedKeyUsage=clientAuth\\n' > client.ext
            for ca in ca otherca; do
              openssl req -x509 $ec -keyout $ca.key -out $ca.pem -subj "/CN=Test $ca" -days 2 \
                -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
            done
            issue() { # name CN ca ext
              openssl req $ec -keyout $1.key -out $1.csr -subj "/CN=$2" 2>/dev/null
              openssl x509 -req -in $1.csr -CA $3.pem -CAkey $3.key -CAcreateserial -out $1.pem -days 2 -extfile $4 2>/dev/null
            }
            issue server localhost ca server.ext
            issue client tpp-client ca client.ext
            issue stranger stranger-client otherca client.ext
            """
        guard Shell.run("/bin/sh", ["-c", script], directory: folder).status == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        return TestPKI(folder: folder)
    }
}
