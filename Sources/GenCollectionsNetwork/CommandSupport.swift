import Foundation
import GenCollectionsCore

/// What `register` and `fetch-env` share around the library calls: loading the spec and reporting failures.
public enum CommandSupport {
    /// Loads `file`, or the embedded Monese spec when nil.
    /// - Returns: the spec and its warnings.
    /// - Throws: `NetworkError` when the file cannot be read, `DiagnosticsError` when the spec is invalid.
    public static func loadSpec(_ file: String?) throws -> (spec: Spec, warnings: [Diagnostic]) {
        guard let file else { return try SpecLoader.load(DefaultSpec.text, file: "<embedded>/\(DefaultSpec.fileName)") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw NetworkError(
                .unreadableInput, id: "spec-unreadable", "cannot read the spec", file: file,
                hint: "check the path given to --spec")
        }
        return try SpecLoader.load(String(decoding: data, as: UTF8.self), file: file)
    }

    /// Parses `--var name=value` arguments.
    /// - Returns: the values, or the first malformed argument.
    public static func variables(_ arguments: [String]) -> Result<[String: String], NetworkError> {
        var values: [String: String] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                return .failure(
                    NetworkError(
                        .invalidInput, id: "usage-invalid-var",
                        "'--var \(argument)' is not name=value"))
            }
            values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
        }
        return .success(values)
    }

    /// Prints `error` to standard error the tool's way and returns the exit code it calls for:
    /// a `NetworkError` its own, a `DiagnosticsError` 1, anything else 1.
    public static func report(_ error: any Error) -> Int32 {
        switch error {
        case let failure as NetworkError:
            printError(failure.description)
            return failure.exitCode
        case let diagnostics as DiagnosticsError:
            diagnostics.diagnostics.forEach { printError($0.description) }
            return 1
        default:
            printError("gen-collections: error: \(error)")
            return 1
        }
    }

    /// Writes one line (or several) to standard error.
    public static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
