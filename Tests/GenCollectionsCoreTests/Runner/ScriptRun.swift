import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsTestSupport

/// Runs the generated `run-newman.sh` in a scratch output folder against a stand-in `newman` that records its
/// arguments and working directory, and exports an environment holding consent URLs.
struct ScriptRun {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// One recorded newman invocation.
    struct Invocation: Equatable {
        var directory: String
        var arguments: [String]
        /// Contents (spaces and newlines removed) of the certificate list and the environment newman was given.
        var listContents: String?
        var environmentContents: String?
    }

    let folder: URL
    var output: URL { folder.appendingPathComponent("out") }
    var log: URL { folder.appendingPathComponent("newman.log") }
    var bin: URL { folder.appendingPathComponent("bin") }

    /// Writes the script, the certificate list and stand-in collection and environment files for `specName`.
    init(specName: String, withNewman: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gc-runner-\(UUID().uuidString)")
        let spec = try RunnerTestSupport.spec(specName)
        var artifacts = try CertificateSettings.artifacts(for: spec)
        artifacts += try RunnerScript.artifacts(
            for: spec, collectionFile: "c.postman_collection.json", environmentFile: "e.postman_environment.json")
        artifacts.append(Artifact(path: "c.postman_collection.json", text: "{}\n"))
        artifacts.append(Artifact(path: "e.postman_environment.json", text: "{\"values\": []}\n"))
        if let caBundle = spec.tls?.caBundle?.value { artifacts.append(Artifact(path: caBundle, text: "stand-in\n")) }
        try ArtifactWriter.write(artifacts, to: output)
        if withNewman {
            try ArtifactWriter.write(
                Data(Self.fakeNewman.utf8), to: bin.appendingPathComponent("newman"), executable: true)
        } else {
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs the script from another directory (it must cd to its own), stdin not a terminal.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Result {
        var environment = [
            "PATH": "\(bin.path):/usr/bin:/bin", "FAKE_NEWMAN_LOG": log.path, "HOME": folder.path,
            "TMPDIR": folder.path,
        ]
        environment.merge(extra) { $1 }
        return try Self.execute(
            "/usr/bin/timeout", ["60", output.appendingPathComponent("run-newman.sh").path] + arguments,
            in: folder, environment: environment)
    }

    /// The newman invocations recorded so far.
    func invocations() throws -> [Invocation] {
        guard FileManager.default.fileExists(atPath: log.path) else { return [] }
        var result: [Invocation] = []
        var current = Invocation(directory: "", arguments: [])
        for line in try String(contentsOf: log, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let (field, value) =
                line.firstIndex(of: " ").map { (line[..<$0], String(line[line.index(after: $0)...])) }
                ?? (line, "")
            switch field {
            case "cwd": current.directory = value
            case "arg": current.arguments.append(value)
            case "list": current.listContents = value
            case "environment": current.environmentContents = value
            case "end": result.append(current); current = Invocation(directory: "", arguments: [])
            default: break
            }
        }
        return result
    }

    /// Runs a program; with `environment`, that is its whole environment.
    static func execute(
        _ executable: String, _ arguments: [String], in directory: URL,
        environment: [String: String]? = nil
    ) throws -> Result {
        let run = Shell.run(
            executable, arguments, directory: directory, environment: environment ?? [:],
            inheritEnvironment: environment == nil)
        return Result(status: run.status, stdout: run.output, stderr: run.error)
    }

    /// Records cwd, arguments, the certificate list and the environment; exports an environment with a consent URL
    /// for each key in FAKE_CONSENT_KEYS and the values in FAKE_EXPORT (JSON objects, comma-separated); exits with
    /// FAKE_NEWMAN_EXIT.
    static let fakeNewman = #"""
        #!/usr/bin/env bash
        set -euo pipefail
        log=${FAKE_NEWMAN_LOG:?}
        run=$(( $(grep -c '^end' "$log" 2>/dev/null || true) + 1 ))
        { printf 'cwd %s\n' "$PWD"; printf 'arg %s\n' "$@"; } >>"$log"
        export_file='' list='' environment=''
        while (($#)); do
            case $1 in
                --export-environment) export_file=$2 && shift ;;
                --ssl-client-cert-list) list=$2 && shift ;;
                --environment) environment=$2 && shift ;;
            esac
            shift
        done
        [[ -z $list ]] || printf 'list %s\n' "$(tr -d ' \n' <"$list")" >>"$log"
        printf 'environment %s\n' "$(tr -d ' \n' <"$environment")" >>"$log"
        if [[ -n $export_file ]]; then
            values=${FAKE_EXPORT:-}
            IFS=, read -r -a keys <<<"${FAKE_CONSENT_KEYS:-consentUrl}"
            for key in "${keys[@]}"; do
                values+="${values:+,}{\"key\":\"$key\",\"value\":\"https://auth.local.test/authorize?request=r$run&key=$key\"}"
            done
            printf '{"name":"exported","values":[%s]}\n' "$values" >"$export_file"
        fi
        printf 'end\n' >>"$log"
        exit "${FAKE_NEWMAN_EXIT:-0}"
        """#
}
