import Foundation
import GenCollectionsBase
import GenCollectionsTestSupport
import Testing

/// The README's install: `make install PREFIX=…` builds the static release binary and installs it with its man page
/// and completions; the installed binary must run where no Swift toolchain is on PATH. The release build takes 30+
/// minutes on a 2-core machine, so the test runs only when asked.
@Suite struct InstallTests {
    static let requested = ProcessInfo.processInfo.environment["GEN_COLLECTIONS_INSTALL_TEST"] == "1"

    @Test(
        .enabled(
            if: requested,
            "slow (a static release build, 30+ minutes): set GEN_COLLECTIONS_INSTALL_TEST=1 to run make install"))
    func installedBinaryRunsWithoutASwiftToolchain() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("gen-collections-install-\(UUID())")
        defer { try? FileManager.default.removeItem(at: prefix) }
        // Its own build folder: `swift test` holds the lock of .build while it runs.
        let make = Shell.run(
            "/usr/bin/env", ["make", "install", "PREFIX=\(prefix.path)", "SCRATCH_PATH=.build-install"],
            directory: PackagePaths.root)
        try #require(make.status == 0, "make install failed:\n\(make.output)\n\(make.error)")

        let installed = [
            "bin/gen-collections", "share/man/man1/gen-collections.1",
            "share/bash-completion/completions/gen-collections", "share/zsh/site-functions/_gen-collections",
            "share/fish/vendor_completions.d/gen-collections.fish",
        ]
        for file in installed {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }

        let binary = prefix.appendingPathComponent("bin/gen-collections").path
        let environment = ["PATH": Self.pathWithoutSwift(), "HOME": prefix.path]
        let version = Shell.run(binary, ["--version"], environment: environment, inheritEnvironment: false)
        #expect(version.status == 0, "\(version.error)")
        #expect(version.output == GenCollections.version + "\n")

        let work = prefix.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let generate = Shell.run(
            binary, ["generate", "--out", "bundle"], directory: work, environment: environment,
            inheritEnvironment: false)
        #expect(generate.status == 0, "\(generate.error)")
        let file = "monese-sandbox.postman_collection.json"
        let written = try Data(contentsOf: work.appendingPathComponent("bundle/\(file)"))
        #expect(written == (try Data(contentsOf: PackagePaths.root.appendingPathComponent("output/\(file)"))))

        if let ldd = Shell.which("ldd") {
            let libraries = Shell.run(ldd, [binary]).output
            #expect(!libraries.contains("libswift"), "linked to the toolchain's libraries:\n\(libraries)")
            #expect(!libraries.contains("libFoundation"), "linked to the toolchain's Foundation:\n\(libraries)")
        }

        let uninstall = Shell.run(
            "/usr/bin/env", ["make", "uninstall", "PREFIX=\(prefix.path)"], directory: PackagePaths.root)
        #expect(uninstall.status == 0, "\(uninstall.error)")
        for file in installed {
            #expect(!FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }
    }

    /// This process's PATH without the folders that hold a `swift` or `swiftc` (the toolchain), plus /usr/bin:/bin.
    static func pathWithoutSwift() -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let kept = path.split(separator: ":").map(String.init).filter { folder in
            !["swift", "swiftc"].contains { FileManager.default.isExecutableFile(atPath: "\(folder)/\($0)") }
        }
        return (kept + ["/usr/bin", "/bin"]).joined(separator: ":")
    }
}
