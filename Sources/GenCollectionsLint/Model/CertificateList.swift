import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// A Newman `--ssl-client-cert-list` file linted in the same run, as the certificate rules of collections see it.
public struct CertificateList: Sendable, Hashable {
    /// The list's path, as the user named it.
    public var path: String
    /// The `matches` patterns of each entry, in file order (Newman uses the first entry that matches).
    public var entries: [[String]]

    public init(path: String, entries: [[String]]) {
        self.path = path
        self.entries = entries
    }

    /// The patterns of a certificate list document (nil for any other file).
    public static func read(_ bytes: [UInt8], path: String) -> CertificateList? {
        guard let document = try? JSONReader.parse(bytes) else { return nil }
        let (root, _) = FileKind.contentRoot(of: document)
        guard FileKind.detect(document, root: root, path: path) == .certificateList else { return nil }
        let entries = document.elements(root).map { entry in
            document.member(entry, "matches").map { document.elements($0).compactMap { document.string($0) } } ?? []
        }
        return CertificateList(path: path, entries: entries)
    }

    /// The lists that apply to the collection at `path`: those in its directory or the nearest directory above
    /// it that has any; when none is there, every list of the run (they were named together on purpose).
    static func applicable(_ lists: [CertificateList], to path: String) -> [CertificateList] {
        guard lists.count > 1 else { return lists }
        func directory(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        }
        var current = directory(path)
        let byDirectory = Dictionary(grouping: lists) { directory($0.path) }
        while true {
            if let found = byDirectory[current] { return found }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return lists }
            current = parent
        }
    }

    /// The first entry with a pattern that matches `url` (as Newman's `CertificateList#resolveOne`).
    public func firstEntry(matching url: URLParts) -> Int? {
        entries.firstIndex { $0.contains { CertificateMatch($0)?.matches(url) ?? false } }
    }
}

/// A certificate match pattern (postman-collection's `url-match-pattern.js`).
struct CertificateMatch {
    var text: String
    var protocols: [String]
    var host: String
    /// nil: the default port only (443); `*`: any port.
    var port: String?
    var path: String

    init?(_ text: String) {
        if text == "<all_urls>" {
            (self.text, protocols, host, port, path) = (text, ["*"], "*", "*", "/*")
            return
        }
        guard CertificatePatternRule.problem(with: text) == nil, let range = text.range(of: "://") else { return nil }
        let rest = text[range.upperBound...]
        let authority = rest.prefix { $0 != "/" }
        let pieces = authority.split(separator: ":", maxSplits: 1)
        self.text = text
        protocols = text[..<range.lowerBound].split(separator: "+").map { String($0).lowercased() }
        host = String(pieces.first ?? "").lowercased()
        port = pieces.count > 1 ? String(pieces[1]) : nil
        path = String(rest.dropFirst(authority.count))
    }

    /// Whether the pattern's host matches `host` (`*.example.com` also matches `example.com`).
    func covers(host candidate: String) -> Bool {
        if host == "*" { return true }
        if host.hasPrefix("*.") {
            let domain = String(host.dropFirst(2))
            return candidate == domain || candidate.hasSuffix("." + domain)
        }
        return host == candidate
    }

    /// Whether the pattern covers `port` (nil meaning 443 for https).
    func covers(port candidate: String?) -> Bool {
        let wanted = candidate ?? "443"
        if port == "*" { return true }
        return (port ?? "443") == wanted
    }

    /// Whether an https request to `url` picks this pattern's certificate.
    func matches(_ url: URLParts) -> Bool {
        guard protocols.contains("https") || protocols.contains("*") else { return false }
        let host = url.host.joined(separator: ".").lowercased()
        guard covers(host: host), covers(port: url.port) else { return false }
        return Self.glob(path, "/" + url.path.joined(separator: "/"))
    }

    /// Whether this pattern matches every URL `other` matches (so an entry using only such patterns is shadowed).
    func includes(_ other: CertificateMatch) -> Bool {
        guard protocols.contains("*") || other.protocols.allSatisfy(protocols.contains) else { return false }
        // `*.d` covers `x.d` and `*.x.d` alike (both end in `.d`).
        let hostCovered = host == "*" || covers(host: other.host)
        let portCovered = port == "*" || port == other.port
        return hostCovered && portCovered && (path == "/*" || path == other.path)
    }

    /// pmc's path glob: the first `*` is any run of characters, `?` one character.
    private static func glob(_ pattern: String, _ path: String) -> Bool {
        guard let star = pattern.firstIndex(of: "*") else { return simple(Array(pattern), Array(path)) }
        let head = Array(pattern[..<star]), tail = Array(pattern[pattern.index(after: star)...])
        let characters = Array(path)
        guard characters.count >= head.count + tail.count else { return false }
        return simple(head, Array(characters.prefix(head.count)))
            && simple(tail, Array(characters.suffix(tail.count)))
    }

    private static func simple(_ pattern: [Character], _ text: [Character]) -> Bool {
        pattern.count == text.count && zip(pattern, text).allSatisfy { $0 == "?" || $0 == $1 }
    }
}
