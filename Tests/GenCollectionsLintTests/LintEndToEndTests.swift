import Foundation
import GenCollectionsTestSupport
import Testing

/// Runs the built `gen-collections` binary: exit codes, `--fail-on`, the configuration file, directories.
///
/// Needs `.build/debug/gen-collections`, so the test command is `swift build && swift test`; when the binary is
/// missing every test here is skipped with that message (never counted as a pass of the real check).
@Suite(.enabled(if: EndToEndPaths.binaryExists, "build the tool first: swift build && swift test"))
struct LintEndToEndTests {
    static let binary = EndToEndPaths.binary
    static let fixtures = EndToEndPaths.fixtures

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary in the fixtures directory (so paths in output are relative).
    func run(_ arguments: [String]) throws -> Run {
        let run = Shell.run(Self.binary.path, arguments, directory: Self.fixtures)
        return Run(status: run.status, stdout: run.output, stderr: run.error)
    }

    @Test func cleanDirectoryExitsZeroAndSkipsOtherJSONFiles() throws {
        let result = try run(["lint", "clean"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("2 file(s) linted: 0 error(s), 0 warning(s)"))
    }

    @Test func warningsFailOnlyWithFailOnWarning() throws {
        let lenient = try run(["lint", "warnings/warn.postman_collection.json"])
        #expect(lenient.status == 0)
        #expect(
            lenient.stdout.contains(
                "warnings/warn.postman_collection.json:12:21: warning: variable 'host' is defined nowhere [undefined-variable]"
            ),
            "\(lenient.stdout)")
        let strict = try run(["lint", "--fail-on", "warning", "warnings/warn.postman_collection.json"])
        #expect(strict.status == 1)
    }

    @Test func envFilesDefineVariables() throws {
        let result = try run([
            "lint", "--fail-on", "warning", "--env", "warnings/host.postman_environment.json",
            "warnings/warn.postman_collection.json",
        ])
        #expect(result.status == 0, "\(result.stdout)")
    }

    @Test func errorsExitOneWithPositions() throws {
        let result = try run(["lint", "errors"])
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "errors/broken.postman_environment.json:3:14: error: trailing comma before '}' (newman rejects it) [json-syntax]"
            ),
            "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "error: bearer auth 'token' is a literal secret committed with the collection [hardcoded-secret]"))
        #expect(
            result.stdout.contains(
                "errors/v1.postman_collection.json:1:1: error: postman collection format v1 is not supported [postman-v1-unsupported]"
            ))
    }

    @Test func configurationFoundUpwardChangesSeverities() throws {
        let result = try run(["lint", "--fail-on", "warning", "configured/warn.postman_collection.json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(!result.stdout.contains("undefined-variable"))
    }

    @Test func unknownConfigurationKeysAreErrors() throws {
        let result = try run(["lint", "--config", "bad-config.yml", "clean"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("bad-config.yml:4:3: error: unknown key 'lint.colour' [config-unknown-key]"),
            "\(result.stderr)")
    }

    @Test func unreadableInputExits66() throws {
        let result = try run(["lint", "does-not-exist.postman_collection.json"])
        #expect(result.status == 66)
        #expect(result.stdout.contains("no such file or directory 'does-not-exist.postman_collection.json'"))
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run(["lint", "--format", "xml", "clean"]).status == 64)
        #expect(try run(["lint", "--fail-on", "note", "clean"]).status == 64)
        #expect(try run(["lint"]).status == 64)
    }

    @Test func formatsAreSelectable() throws {
        let sarif = try run(["lint", "--format", "sarif", "errors/secret.postman_collection.json"])
        #expect(sarif.status == 1)
        #expect(sarif.stdout.contains("\"version\" : \"2.1.0\""))
        let github = try run(["lint", "--format", "github", "errors/secret.postman_collection.json"])
        #expect(github.stdout.hasPrefix("::error file=errors/secret.postman_collection.json,line="))
        let junit = try run(["lint", "--format", "junit", "clean"])
        #expect(junit.stdout.contains("<testcase classname=\"clean/clean.postman_environment.json\" name=\"lint\"/>"))
    }

    @Test func rulesCommandListsEveryRule() throws {
        let result = try run(["rules"])
        #expect(result.status == 0)
        for id in ["url-raw-only", "hardcoded-secret", "idempotency-key", "postman-schema"] {
            #expect(result.stdout.contains(id))
        }
        let one = try run(["rules", "body-dropped"])
        #expect(one.stdout.contains("Fails (↓ marks the finding)"))
        #expect(try run(["rules", "no-such-rule"]).status == 64)
    }
}

/// Where the built binary and the end-to-end fixtures are, derived from this file's path.
enum EndToEndPaths {
    static let packageRoot = PackagePaths.root
    static let binary = PackagePaths.binary
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures/EndToEnd")
    static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: binary.path) }
}

extension LintEndToEndTests {
    @Test func certificateListsInTheRunCoverCollectionPorts() throws {
        let together = try run(["lint", "--fail-on", "warning", "mtls"])
        #expect(together.status == 1)
        #expect(
            together.stdout.contains(
                "mtls/bank.postman_collection.json:11:12: warning: no certificate pattern covers port 8443 of 'rs.bank.example'"
            ),
            "\(together.stdout)")
        let alone = try run(["lint", "--fail-on", "warning", "mtls/bank.postman_collection.json"])
        #expect(alone.status == 0, "\(alone.stdout)")
    }
}

extension LintEndToEndTests {
    @Test func noFileToLintExits66WithAMessage() throws {
        let result = try run(["lint", "bad-config.yml"])
        #expect(result.status == 66, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("[lint-no-files]"), "\(result.stdout)")
    }

    @Test func maxWarningsFailsAboveTheLimit() throws {
        #expect(try run(["lint", "--max-warnings", "0", "warnings/warn.postman_collection.json"]).status == 1)
        #expect(try run(["lint", "--max-warnings", "10", "warnings/warn.postman_collection.json"]).status == 0)
    }

    @Test func aBaselineWrittenThenAppliedHidesTheKnownFindings() throws {
        let baseline = NSTemporaryDirectory() + "lint-e2e-baseline-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        let written = try run(["lint", "--write-baseline", baseline, "errors/secret.postman_collection.json"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("finding(s) to \(baseline)"), "\(written.stderr)")
        let applied = try run(["lint", "--baseline", baseline, "errors/secret.postman_collection.json"])
        #expect(applied.status == 0, "\(applied.stdout)\(applied.stderr)")
        #expect(applied.stdout.isEmpty)
        #expect(applied.stderr.contains("hidden by the baseline"))
    }

    @Test func aMissingEnvFileStillLintsTheRestAndExits66() throws {
        let result = try run([
            "lint", "--env", "missing.postman_environment.json", "errors/secret.postman_collection.json",
        ])
        #expect(result.status == 66)
        #expect(result.stdout.contains("cannot read 'missing.postman_environment.json'"))
        #expect(result.stdout.contains("[hardcoded-secret]"), "\(result.stdout)")
    }
}
