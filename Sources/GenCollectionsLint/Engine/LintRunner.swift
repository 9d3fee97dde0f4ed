import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Lints paths on disk: finds the configuration, walks directories, reads files and runs the linter.
public enum LintRunner {
    /// What the command line asks for.
    public struct Options: Sendable {
        public var paths: [String]
        /// `--config`; nil searches `.gen-collections.yml` upward from the first path.
        public var configurationPath: String?
        /// `--env` files whose variables count as defined.
        public var environmentPaths: [String]
        /// `--max-input-size`: larger files are reported as unreadable, not read.
        public var maximumFileSize: Int

        public init(
            paths: [String], configurationPath: String? = nil, environmentPaths: [String] = [],
            maximumFileSize: Int = InputFile.defaultMaximumSize
        ) {
            self.paths = paths
            self.configurationPath = configurationPath
            self.environmentPaths = environmentPaths
            self.maximumFileSize = maximumFileSize
        }
    }

    /// How a run ended.
    public struct Outcome: Sendable {
        public var result: LintResult
        /// An input, `--env` or `--config` file could not be read (exit 66).
        public var hasUnreadableInput: Bool
        /// The configuration or an `--env` file is invalid (exit 1, nothing was linted).
        public var setupErrors: [Diagnostic]
    }

    /// Runs the lint.
    public static func run(_ options: Options) -> Outcome {
        var unreadable: [Diagnostic] = []
        func read(_ path: String) -> [UInt8]? {
            do {
                return [UInt8](try InputFile.read(path, maximumSize: options.maximumFileSize))
            } catch {
                unreadable.append(
                    .error(
                        "lint-unreadable", "cannot read '\(path)': \(error)", at: SourceLocation(file: path),
                        hint: error.hint ?? "check that the path exists and is readable"))
                return nil
            }
        }
        // Configuration.
        var configuration = LintConfiguration()
        let configurationPath = options.configurationPath ?? findConfiguration(from: options.paths.first ?? ".")
        if let configurationPath {
            guard let bytes = read(configurationPath) else { return outcome([], unreadable, setup: []) }
            do {
                configuration = try LintConfiguration.parse(
                    String(decoding: bytes, as: UTF8.self), file: configurationPath,
                    knownRules: RuleRegistry.ids)
                configuration.baseDirectory = (configurationPath as NSString).deletingLastPathComponent
            } catch let error as DiagnosticsError {
                return outcome([], [], setup: error.diagnostics)
            } catch {
                return outcome(
                    [], [], setup: [.error("config-invalid", "\(error)", at: SourceLocation(file: configurationPath))])
            }
        }
        // Environments given with --env.
        var environments: [(path: String, bytes: [UInt8])] = []
        for path in options.environmentPaths {
            if let bytes = read(path) { environments.append((path, bytes)) }
        }
        guard unreadable.isEmpty else { return outcome([], unreadable, setup: []) }
        var context: LintContext
        do {
            context = try Linter.context(environments: environments)
        } catch let error as DiagnosticsError {
            return outcome([], [], setup: error.diagnostics)
        } catch {
            return outcome([], [], setup: [])
        }
        // Files, then the certificate lists among them (their patterns feed certificate-port), then every file.
        var targets: [String] = []
        for path in options.paths {
            targets += discover(path, configuration: configuration, unreadable: &unreadable)
        }
        for file in targets where file.lowercased().contains("cert") && file.lowercased().hasSuffix(".json") {
            if let data = try? InputFile.read(file, maximumSize: options.maximumFileSize) {
                context.certificatePatterns += certificatePatterns(in: [UInt8](data), path: file)
            }
        }
        let linter = Linter(configuration: configuration, context: context)
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for file in targets {
            guard let bytes = read(file) else { continue }
            let lowered = file.lowercased()
            let isYAML = lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
            if isYAML, !isSpec(file, bytes) { continue }  // other YAML files are not ours to lint
            files.append(file)
            if isYAML {
                diagnostics += lintSpec(file, bytes)
            } else {
                diagnostics += linter.lint(file: file, bytes: bytes)
            }
        }
        return outcome(files, unreadable + diagnostics, setup: [], unreadable: !unreadable.isEmpty)
    }

    private static func outcome(
        _ files: [String], _ diagnostics: [Diagnostic], setup: [Diagnostic],
        unreadable: Bool? = nil
    ) -> Outcome {
        let hasUnreadable = unreadable ?? diagnostics.contains { $0.id == "lint-unreadable" }
        return Outcome(
            result: LintResult(files: files, diagnostics: diagnostics), hasUnreadableInput: hasUnreadable,
            setupErrors: setup)
    }

    /// The `matches` patterns of a certificate list (nothing for any other file).
    static func certificatePatterns(in bytes: [UInt8], path: String) -> [String] {
        guard let document = try? JSONReader.parse(bytes), FileKind.detect(document, path: path) == .certificateList
        else {
            return []
        }
        return document.elements(document.root).flatMap { entry in
            document.member(entry, "matches").map { document.elements($0).compactMap { document.string($0) } } ?? []
        }
    }

    /// `.gen-collections.yml` in the directory of `path` or the nearest directory above it.
    public static func findConfiguration(from path: String) -> String? {
        var isDirectory: ObjCBool = false
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var directory =
            FileManager.default.fileExists(atPath: absolute.path, isDirectory: &isDirectory) && isDirectory.boolValue
            ? absolute : absolute.deletingLastPathComponent()
        while true {
            let candidate = directory.appendingPathComponent(LintConfiguration.fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return relativeIfPossible(candidate) }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }

    private static func relativeIfPossible(_ path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }

    /// The files to lint under `path`: the path itself when it is a file, else the matching files below it, sorted.
    static func discover(_ path: String, configuration: LintConfiguration, unreadable: inout [Diagnostic]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            unreadable.append(
                .error(
                    "lint-unreadable", "no such file or directory '\(path)'", at: SourceLocation(file: path),
                    hint: "check the path"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            unreadable.append(
                .error("lint-unreadable", "cannot list directory '\(path)'", at: SourceLocation(file: path)))
            return []
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            if name.hasPrefix(".") || name == "node_modules" {
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                    enumerator.skipDescendants()
                }
                continue
            }
            guard isLintable(name), !configuration.isIgnored(full) else { continue }
            found.append(full)
        }
        return found.sorted()
    }

    /// Names the directory walk picks up.
    static func isLintable(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".postman_collection.json") || lowered.hasSuffix(".postman_environment.json")
            || lowered.hasSuffix(".postman_globals.json")
        {
            return true
        }
        if lowered.hasSuffix(".json"), lowered.contains("cert"), lowered.contains("list") { return true }
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    /// A YAML file whose top level has `gen-collections:`: one of our specs.
    static func isSpec(_ path: String, _ bytes: [UInt8]) -> Bool {
        let lowered = path.lowercased()
        guard lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") else { return false }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains {
            $0.hasPrefix("gen-collections:")
        }
    }

    /// A spec is validated by the generator's own loader; YAML files that are not specs are skipped.
    static func lintSpec(_ path: String, _ bytes: [UInt8]) -> [Diagnostic] {
        do {
            return try SpecLoader.load(bytes: bytes, file: path).warnings
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return [.error("spec-invalid", "\(error)", at: SourceLocation(file: path))]
        }
    }
}
