// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "gen-collections",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "gen-collections", targets: ["gen-collections"]),
        .executable(name: "mock-load", targets: ["mock-load"]),
        .library(name: "GenCollectionsCore", targets: ["GenCollectionsCore"]),
        .library(name: "GenCollectionsBase", targets: ["GenCollectionsBase"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        // What every command shares: diagnostics and their positions, the one JSON reader and writer.
        .target(
            name: "GenCollectionsBase",
            dependencies: [
                .product(name: "Yams", package: "Yams")
            ]
        ),
        // Spec → model → artifacts (collection, environment, certificate settings, runner), and sync.
        // No disk I/O in the pipeline itself: only SpecLoader's callers and ArtifactWriter touch files.
        .target(
            name: "GenCollectionsCore",
            dependencies: [
                "GenCollectionsBase",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // Files → rules → diagnostics, for Postman files written by anyone.
        .target(
            name: "GenCollectionsLint",
            dependencies: [
                "GenCollectionsBase",
                "GenCollectionsCore",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // What users already have, brought in: OpenAPI documents and Postman collections → specs (`import`), and
        // Postman collections between formats (`convert`). Documents in, spec values and diagnostics out.
        .target(
            name: "GenCollectionsImport",
            dependencies: [
                "GenCollectionsBase",
                "GenCollectionsCore",
                .product(name: "Yams", package: "Yams"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
            ]
        ),
        // Certificate pre-flight checks (`certs`).
        .target(
            name: "GenCollectionsTLS",
            dependencies: [
                "GenCollectionsBase",
                "GenCollectionsCore",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // The steps around the files: the registration JWT and the helper-API download, over mutual TLS.
        .target(
            name: "GenCollectionsNetwork",
            dependencies: [
                "GenCollectionsBase",
                "GenCollectionsCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // An offline sandbox bank served from the spec, over mutual TLS (`mock`): the flow's state machine
        // (Bank/, no sockets), the spec's routes, the NIO server, the test PKI and the request log.
        .target(
            name: "GenCollectionsMock",
            dependencies: [
                "GenCollectionsBase",
                "GenCollectionsCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The thin command-line front end.
        .executableTarget(
            name: "gen-collections",
            dependencies: [
                "GenCollectionsBase",
                "GenCollectionsCore",
                "GenCollectionsLint",
                "GenCollectionsImport",
                "GenCollectionsTLS",
                "GenCollectionsNetwork",
                "GenCollectionsMock",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The load client of benchmarks/mock-load.sh: concurrent mutual-TLS clients against `gen-collections mock`.
        .executableTarget(
            name: "mock-load",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // What every test target shares: the process runner and the package paths.
        .target(
            name: "GenCollectionsTestSupport", dependencies: ["GenCollectionsBase"],
            path: "Tests/GenCollectionsTestSupport"),
        // What one fuzz input goes through: shared by the libFuzzer harness and the corpus test (FuzzCorpusTests).
        .target(
            name: "GenCollectionsFuzzTargets",
            dependencies: ["GenCollectionsBase", "GenCollectionsCore", "GenCollectionsLint"],
            path: "Tests/Fuzz/Targets"
        ),
        // Fixtures and goldens are read from the source tree (found with #filePath), not bundled.
        .testTarget(
            name: "GenCollectionsBaseTests", dependencies: ["GenCollectionsBase", "GenCollectionsTestSupport"]),
        .testTarget(
            name: "GenCollectionsCoreTests",
            dependencies: ["GenCollectionsBase", "GenCollectionsCore", "GenCollectionsTestSupport"],
            exclude: ["Fixtures", "Runner/mtls-server.py"]
        ),
        .testTarget(
            name: "GenCollectionsLintTests",
            dependencies: [
                "GenCollectionsLint", "GenCollectionsBase", "GenCollectionsCore", "GenCollectionsTestSupport",
                "GenCollectionsFuzzTargets",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GenCollectionsTLSTests",
            dependencies: [
                "GenCollectionsTLS", "GenCollectionsBase", "GenCollectionsCore", "GenCollectionsTestSupport",
            ],
            exclude: ["make-test-certificates.py"]
        ),
        .testTarget(
            name: "GenCollectionsNetworkTests",
            dependencies: [
                "GenCollectionsNetwork", "GenCollectionsBase", "GenCollectionsCore", "GenCollectionsTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "GenCollectionsMockTests",
            dependencies: [
                "GenCollectionsMock", "GenCollectionsBase", "GenCollectionsCore", "GenCollectionsTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "GenCollectionsImportTests",
            dependencies: [
                "GenCollectionsImport", "GenCollectionsBase", "GenCollectionsCore", "GenCollectionsLint",
                "GenCollectionsTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GenCollectionsCLITests",
            dependencies: [
                "GenCollectionsBase", "GenCollectionsCore", "GenCollectionsTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)

// Coverage-guided fuzzing (scripts/fuzz, docs/fuzzing.md): a libFuzzer harness, declared only when
// GEN_COLLECTIONS_FUZZ is set, so that `swift build` and `swift test` never see it. scripts/fuzz builds it with
// `-sanitize=fuzzer,address` in its own scratch folder (.build-fuzz).
if Context.environment["GEN_COLLECTIONS_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "gen-collections-fuzz",
            dependencies: ["GenCollectionsFuzzTargets"],
            path: "Tests/Fuzz/Harness"
        ))
    package.products.append(.executable(name: "gen-collections-fuzz", targets: ["gen-collections-fuzz"]))
}
