import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore
import GenCollectionsNetwork

/// Writes to standard error, where diagnostics go; control characters are escaped (`TerminalText`), line feeds kept.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalText.escaped(text, keepingNewlines: true) + "\n").utf8))
}

/// Writes to standard output, control characters escaped, line feeds kept (not for JSON, which escapes its own).
/// While a machine-format report is being collected (`--format sarif`, …), to standard error: standard output is
/// the report's.
func printText(_ text: String, terminator: String = "\n") {
    let handle = DiagnosticReport.reporter == nil ? FileHandle.standardOutput : FileHandle.standardError
    handle.write(Data((TerminalText.escaped(text, keepingNewlines: true) + terminator).utf8))
}

/// `text` as the user would type it in a shell: as it is when plain, else in single quotes.
func shellWord(_ text: String) -> String {
    let plain =
        !text.isEmpty
        && text.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./+:@%=,".unicodeScalars.contains($0))
        }
    return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// Prints diagnostics to standard error, or collects them for a `--format` report (`DiagnosticReport`).
func report(_ diagnostics: [Diagnostic]) {
    DiagnosticReport.emit(diagnostics)
}

/// Reads a file the user named, or exits 66 with one clear line: why it cannot be read (the system's reason, a
/// folder, a device), or that it is over `limit` bytes (`--max-input-size`).
func readInput(_ path: String, what: String, limit: Int = InputFile.defaultMaximumSize) throws -> Data {
    try reportingFailure(path, what: what) { () throws(InputFile.Failure) in
        try InputFile.read(path, maximumSize: limit)
    }
}

/// `readInput`'s bytes as an array, for the readers that parse bytes (no `Data` copy in between).
func readInputBytes(_ path: String, what: String, limit: Int = InputFile.defaultMaximumSize) throws -> [UInt8] {
    try reportingFailure(path, what: what) { () throws(InputFile.Failure) in
        try InputFile.bytes(path, maximumSize: limit)
    }
}

private func reportingFailure<Bytes>(
    _ path: String, what: String, _ read: () throws(InputFile.Failure) -> Bytes
) throws -> Bytes {
    do {
        return try read()
    } catch {
        report([
            .error(
                "input-unreadable", "cannot read the \(what): \(error)", at: SourceLocation(file: path),
                hint: error.hint)
        ])
        throw ExitStatus.noInput
    }
}

/// Loads a bundled bank's spec (they load without warnings); exits 1 if one ever fails to.
func loadSpec(bundled bank: BundledBank) throws -> Spec {
    do {
        return try bank.load()
    } catch let error as DiagnosticsError {
        report(error.diagnostics)
        throw ExitStatus.failure
    }
}

/// Loads a spec file, or the default bank's spec when `path` is nil; prints warnings, exits 1 on errors.
func loadSpec(_ path: String?, limit: Int = InputFile.defaultMaximumSize) throws -> Spec {
    do {
        guard let path else { return try BundledBank.default.load() }
        let (spec, warnings) = try SpecLoader.load(
            bytes: try readInputBytes(path, what: "spec", limit: limit), file: path)
        report(warnings)
        return spec
    } catch let error as DiagnosticsError {
        report(error.diagnostics)
        throw ExitStatus.failure
    }
}

/// Prints the hosts a helper file moves (`HostMoves`); exits 1 when one is an error (https moved to plain http).
func reportHostMoves(_ problems: [Diagnostic]) throws {
    report(problems)
    if problems.contains(where: { $0.severity == .error }) { throw ExitStatus.failure }
}

/// Parses repeated `--var name=value` arguments.
/// - Returns: the values, or the first malformed argument as an error.
func parseVariables(_ arguments: [String]) -> Result<[String: String], NetworkError> {
    var values: [String: String] = [:]
    for argument in arguments {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
            return .failure(
                NetworkError(.invalidInput, id: "usage-invalid-var", "'--var \(argument)' is not name=value"))
        }
        values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
    }
    return .success(values)
}

/// Prints a failure the tool's way and returns its exit code: a `NetworkError` its own, anything else 1.
func reportFailure(_ error: any Error) -> Int32 {
    switch error {
    case let failure as NetworkError:
        printError(failure.description)
        return failure.exitCode
    case let diagnostics as DiagnosticsError:
        report(diagnostics.diagnostics)
        return 1
    default:
        printError("gen-collections: error: \(error)")
        return 1
    }
}

/// Runs a command's work; a failure other than an exit code is printed the tool's way and becomes its exit code.
func reportingFailures(_ work: () async throws -> Void) async throws {
    do {
        try await work()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        throw ExitCode(reportFailure(error))
    }
}
