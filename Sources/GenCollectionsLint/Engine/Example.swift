/// A JSON snippet for a rule's docs and tests; `↓` marks where a finding must be reported.
public struct Example: Sendable {
    /// How the snippet becomes a whole file.
    public enum Wrapping: Sendable, Hashable {
        /// A `request` value, placed in a v2.1 collection as its only request.
        case request
        /// The `item` array of a v2.1 collection.
        case items
        /// A whole file, named so.
        case file(String)

        /// Shown above the snippet in the docs.
        var label: String {
            switch self {
            case .request: return "request"
            case .items: return "collection items"
            case let .file(name): return name
            }
        }
    }

    /// The snippet as the docs show it, markers included.
    public var code: String
    public var wrapping: Wrapping
    /// Variables defined by the environment given with `--env`: `name`, or `name=value` for one with a value.
    public var environment: [String]
    /// `matches` patterns of a certificate list linted in the same run, one entry each, in order.
    public var certificates: [String]
    /// Files that exist, relative to the example's directory (for rules that look at the disk).
    public var existingFiles: [String]
    /// Open Banking mode for this example.
    public var openBanking: LintConfiguration.OpenBankingMode
    /// Where the example is written, so a failing test points at it.
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        _ code: String, _ wrapping: Wrapping = .request, environment: [String] = [], certificates: [String] = [],
        existingFiles: [String] = [], openBanking: LintConfiguration.OpenBankingMode = .auto,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.code = code
        self.wrapping = wrapping
        self.environment = environment
        self.certificates = certificates
        self.existingFiles = existingFiles
        self.openBanking = openBanking
        self.sourceFile = "\(file)"
        self.sourceLine = Int(line)
    }

    /// The names the `--env` environment defines.
    public var environmentNames: Set<String> {
        Set(environment.map { String($0.prefix { $0 != "=" }) })
    }

    /// The values the `--env` environment gives (its `name=value` entries).
    public var environmentValues: [String: String] {
        var values: [String: String] = [:]
        for entry in environment {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            values[String(entry[..<equals])] = String(entry[entry.index(after: equals)...])
        }
        return values
    }

    /// The marker.
    public static let marker: Character = "↓"

    /// The file name the example is linted under.
    public var fileName: String {
        if case let .file(name) = wrapping { return name }
        return "example.postman_collection.json"
    }

    /// The whole file, markers removed, and the byte offsets where the markers were.
    public var document: (text: String, markerOffsets: [Int]) {
        let wrapped: String
        switch wrapping {
        case .request:
            wrapped =
                #"{"info": {"name": "Example", "schema": "\#(Self.schema)"}, "item": [{"name": "Example", "request": "#
                + code + "}]}"
        case .items:
            wrapped = #"{"info": {"name": "Example", "schema": "\#(Self.schema)"}, "item": "# + code + "}"
        case .file:
            wrapped = code
        }
        var text = ""
        var offsets: [Int] = []
        var length = 0
        for character in wrapped {
            if character == Self.marker {
                offsets.append(length)
            } else {
                text.append(character)
                length += character.utf8.count
            }
        }
        return (text, offsets)
    }

    static let schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
}
