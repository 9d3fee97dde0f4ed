import Foundation
import GenCollectionsTestSupport
import Testing

/// `kill -9` at random moments of `generate` and `sync` never leaves a partial file, a temporary file in the output
/// folder, or a mix of two bundles that the next run does not finish: the bundle is written all or nothing
/// (`ArtifactWriter`).
@Suite(.serialized) struct KillTests {
    static let iterations = 200

    /// A spec with `steps` requests with JSON bodies: a bundle of about 300 KB; `version` changes every file.
    static func spec(version: Int, steps: Int = 60) -> String {
        var text = """
            gen-collections: 1
            name: big
            title: Big bank v\(version)
            hosts: {api: "https://api\(version).example.com"}
            tls:
              clientCertificates:
                - {name: transport, cert: certs/t\(version).pem, key: certs/t.key, hosts: [api]}
            flows:
              - name: Payments
                steps:

            """
        let filler = String(repeating: "x", count: 2000)
        for step in 0..<steps {
            text += """
                      - name: Payment \(step)
                        method: POST
                        url: "{{api}}/payments/\(step)"
                        body: {json: {Data: {Amount: "\(step).\(version)0", Reference: "\(filler)"}}}

                """
        }
        return text
    }

    static func entries(_ url: URL) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? [])
    }

    @Test(.timeLimit(.minutes(5))) func killedWritesLeaveOneBundleOrACommitTheNextRunFinishes() throws {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("kill-\(UUID().uuidString)")
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: scratch) }
        // The two bundles, as complete runs write them.
        var bundles: [[String: Data]] = []
        for version in 0..<2 {
            try Data(Self.spec(version: version).utf8).write(to: scratch.appendingPathComponent("v\(version).yaml"))
            let run = Shell.run(
                PackagePaths.binary.path, ["generate", "--spec", "v\(version).yaml", "--out", "v\(version)"],
                directory: scratch)
            try #require(run.status == 0, "\(run.error)")
            let folder = scratch.appendingPathComponent("v\(version)")
            var files: [String: Data] = [:]
            for name in Self.entries(folder) { files[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
            bundles.append(files)
        }
        let names = Set(bundles[0].keys)
        try #require(names == Set(bundles[1].keys) && names.count >= 4)
        // run-newman.sh is the same in every bundle; the other files tell the versions apart.
        let distinguishing = names.filter { bundles[0][$0] != bundles[1][$0] }
        try #require(distinguishing.count >= 4, "\(names.subtracting(distinguishing)) do not differ between versions")

        // How long one write takes, to spread the kills over a whole run.
        let clock = ContinuousClock()
        let start = clock.now
        _ = Shell.run(
            PackagePaths.binary.path, ["generate", "--spec", "v0.yaml", "--out", "out"], directory: scratch)
        let duration =
            Double((clock.now - start).components.attoseconds) / 1e18
            + Double((clock.now - start).components.seconds)

        let out = scratch.appendingPathComponent("out")
        let commit = scratch.appendingPathComponent(".out.gen-collections.commit")
        var outcomes: [String: Int] = [:]
        var generator = SystemRandomNumberGenerator()
        for iteration in 0..<Self.iterations {
            let version = iteration % 2
            let command = Bool.random(using: &generator) ? "generate" : "sync"
            let process = Process()
            process.executableURL = PackagePaths.binary
            process.arguments = [command, "--spec", "v\(version).yaml", "--out", "out"]
            process.currentDirectoryURL = scratch
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Half the kills anywhere in the run, half near its end, where the files are written.
            let fraction = iteration % 4 < 2 ? Double.random(in: 0...1.2) : Double.random(in: 0.6...1.1)
            usleep(useconds_t(fraction * duration * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            // Every file is whole, one version or the other; the output folder holds the bundle's files only.
            let present = Self.entries(out)
            #expect(present == names, "iteration \(iteration): \(present.symmetricDifference(names))")
            var versions = Set<Int>()
            for name in present {
                let data = try Data(contentsOf: out.appendingPathComponent(name))
                let match = bundles.firstIndex { $0[name] == data }
                #expect(match != nil, "iteration \(iteration): \(name) is neither version: a partial file")
                if let match, distinguishing.contains(name) { versions.insert(match) }
            }
            // A mix only while a committed write waits beside the folder for the next run.
            let pending = manager.fileExists(atPath: commit.path)
            #expect(versions.count == 1 || pending, "iteration \(iteration): a mix of versions and no commit")
            let outcome =
                process.terminationReason == .exit
                ? "finished before the kill"
                : versions.count > 1
                    ? "killed while moving: a mix, commit pending"
                    : pending ? "killed after moving, before clean-up: commit pending" : "killed: one complete bundle"
            outcomes[outcome, default: 0] += 1
            // Beside the output folder: at most this run's staging folder and the commit folder.
            let beside = Self.entries(scratch).filter { $0.hasPrefix(".out.gen-collections") }
            #expect(beside.count <= 2, "iteration \(iteration): \(beside)")
        }
        // The next complete run finishes or removes everything the killed ones left.
        let final = Shell.run(
            PackagePaths.binary.path, ["generate", "--spec", "v1.yaml", "--out", "out"], directory: scratch)
        #expect(final.status == 0, "\(final.error)")
        #expect(Self.entries(scratch) == ["out", "v0", "v1", "v0.yaml", "v1.yaml"])
        for name in names { #expect(try Data(contentsOf: out.appendingPathComponent(name)) == bundles[1][name]) }
        print("kill test: \(Self.iterations) kills over runs of \(String(format: "%.2f", duration)) s: \(outcomes)")
    }
}
