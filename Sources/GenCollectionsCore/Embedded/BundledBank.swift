import GenCollectionsBase

/// A bank spec compiled into the binary from `specs/<name>.yaml`: what `--bank NAME` selects, `gen-collections banks`
/// lists and `gen-collections init --bank NAME` writes out.
public struct BundledBank: Sendable, Hashable {
    /// The bank used when a command is given neither `--spec` nor `--bank`.
    public static let defaultName = "monese-sandbox"

    /// The spec's file stem, which is also its `name`: `monese-sandbox`.
    public let name: String
    /// The annotated spec, as committed in `specs/`.
    public let text: String

    /// `<name>.yaml`, the file `init` writes by default.
    public var fileName: String { "\(name).yaml" }

    /// The path diagnostics name for the bundled copy.
    public var path: String { "<bundled>/\(fileName)" }

    public var isDefault: Bool { name == Self.defaultName }

    /// Loads the spec; every bundled spec is tested to load without errors or warnings.
    public func load() throws -> Spec { try SpecLoader.load(text, file: path).spec }

    /// Every bundled bank, by name.
    public static let all: [BundledBank] = EmbeddedResources.files.keys.sorted().compactMap { path in
        guard path.hasPrefix("specs/"), path.hasSuffix(".yaml"), let text = EmbeddedResources.files[path] else {
            return nil
        }
        return BundledBank(name: String(path.dropFirst("specs/".count).dropLast(".yaml".count)), text: text)
    }

    public static var `default`: BundledBank { named(defaultName)! }

    public static func named(_ name: String) -> BundledBank? { all.first { $0.name == name } }

    /// Why `name` names no bundled bank, with the closest name when it looks like a typo.
    public static func unknownBankMessage(_ name: String) -> String {
        let names = all.map(\.name)
        let closest =
            Spelling.closest(to: name, among: names)
            ?? names.first { !name.isEmpty && $0.lowercased().hasPrefix(name.lowercased()) }
        let suggestion = closest.map { "did you mean '\($0)'? " } ?? ""
        return "no bundled bank is named '\(name)'; \(suggestion)the bundled banks are \(names.joined(separator: ", "))"
    }
}
