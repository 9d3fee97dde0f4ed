import GenCollectionsBase

/// One scan of a file for text that is a secret whatever its key: PEM private keys and the token formats of
/// well-known providers. Each format has an anchor byte (`-`, `_`, `J`, `A`) found with `memchr` over the
/// whole file; the bytes around a hit are then compared. Linear in the file size whatever the content (a string
/// full of `-----BEGIN ` markers included), and fast on ordinary text, where anchors are rare.
struct SecretScanner {
    /// What was found.
    enum Kind: Sendable, Hashable {
        case privateKey
        case token(String)
    }

    struct Match: Sendable {
        var kind: Kind
        /// Byte offset in the file.
        var offset: Int
        /// The string node holding it.
        var node: Int
    }

    /// The matches of `document`, in file order (at most one private key per string).
    static func scan(_ document: JSONDocument) -> [Match] {
        var found: [(offset: Int, kind: Kind)] = []
        document.bytes.withUnsafeBufferPointer { bytes in
            let end = bytes.count
            // PEM headers and Slack tokens (`xoxb-`).
            ByteSearch.offsets(of: UInt8(ascii: "-"), in: bytes) { index in
                if has(begin, bytes, at: index, end: end) {
                    let window = min(end, index + begin.count + maximumHeader)
                    var lineEnd = index
                    while lineEnd < window, bytes[lineEnd] != UInt8(ascii: "\\"), bytes[lineEnd] != 0x22 {
                        lineEnd += 1
                    }
                    if find(keyTail, bytes, from: index, to: lineEnd) { found.append((index, .privateKey)) }
                } else if index >= 4, has(Prefixes.xox, bytes, at: index - 4, end: end),
                    Prefixes.slackTypes.contains(bytes[index - 1]), isWordStart(bytes, index - 4),
                    run(bytes, from: index + 1, end: end, allowing: UInt8(ascii: "-")) >= 10
                {
                    found.append((index - 4, .token("a Slack token")))
                }
            }
            // GitHub (`ghp_`, `github_pat_`) and Stripe (`sk_live_`) tokens.
            ByteSearch.offsets(of: UInt8(ascii: "_"), in: bytes) { index in
                if index >= 3, bytes[index - 3] == UInt8(ascii: "g"), bytes[index - 2] == UInt8(ascii: "h"),
                    Prefixes.githubTypes.contains(bytes[index - 1]), isWordStart(bytes, index - 3),
                    run(bytes, from: index + 1, end: end) >= 36
                {
                    found.append((index - 3, .token("a GitHub token")))
                } else if index >= 6, has(Prefixes.githubPAT, bytes, at: index - 6, end: end),
                    isWordStart(bytes, index - 6), run(bytes, from: index + 5, end: end) >= 22
                {
                    found.append((index - 6, .token("a GitHub token")))
                } else if index >= 2, bytes[index - 1] == UInt8(ascii: "k"),
                    bytes[index - 2] == UInt8(ascii: "s") || bytes[index - 2] == UInt8(ascii: "r"),
                    isWordStart(bytes, index - 2),
                    has(Prefixes.live, bytes, at: index + 1, end: end)
                        || has(Prefixes.test, bytes, at: index + 1, end: end),
                    run(bytes, from: index + 6, end: end) >= 16
                {
                    found.append((index - 2, .token("a Stripe secret key")))
                }
            }
            // Signed JWTs (`eyJ…`).
            ByteSearch.offsets(of: UInt8(ascii: "J"), in: bytes) { index in
                guard index >= 2, bytes[index - 2] == UInt8(ascii: "e"), bytes[index - 1] == UInt8(ascii: "y"),
                    isWordStart(bytes, index - 2), isJWT(bytes, at: index - 2, end: end)
                else { return }
                found.append((index - 2, .token("a JWT")))
            }
            // AWS access key ids (`AKIA`, `ASIA`, `ABIA`, `ACCA` + 16) and Google API keys (`AIza` + 35); the second
            // byte narrows the hits before anything else.
            ByteSearch.offsets(of: UInt8(ascii: "A"), in: bytes) { index in
                guard index + 20 <= end, Prefixes.second.contains(bytes[index + 1]), isWordStart(bytes, index) else {
                    return
                }
                if has(Prefixes.google, bytes, at: index, end: end),
                    run(bytes, from: index + 4, end: end, allowing: UInt8(ascii: "-")) >= 35
                {
                    found.append((index, .token("a Google API key")))
                } else if Prefixes.aws.contains(where: { has($0, bytes, at: index, end: end) }),
                    upperOrDigitRun(bytes, from: index + 4, end: end) == 16, run(bytes, from: index, end: end) == 20
                {
                    found.append((index, .token("an AWS access key id")))
                }
            }
        }
        found.sort { $0.offset < $1.offset }
        // Attach each match to its string node; keep one private key per string.
        var matches: [Match] = []
        var keyNodes: Set<Int> = []
        let locator = Locator(document: document)
        for (offset, kind) in found {
            let node = locator.node(containing: offset)
            guard document.kind(node) == .string else { continue }
            if kind == .privateKey, !keyNodes.insert(node).inserted { continue }
            matches.append(Match(kind: kind, offset: offset, node: node))
        }
        return matches
    }

    private static let begin = Array("-----BEGIN ".utf8), keyTail = Array("PRIVATE KEY-----".utf8)
    /// The longest label plus tail a PEM private-key header has (RFC 7468 labels are short).
    private static let maximumHeader = 64

    /// Token prefixes, as bytes once.
    private enum Prefixes {
        static let aws = ["AKIA", "ASIA", "ABIA", "ACCA"].map { Array($0.utf8) }
        static let google = Array("AIza".utf8)
        static let second: [UInt8] = Array("KSBCI".utf8)
        static let githubTypes: [UInt8] = Array("pousr".utf8)
        static let githubPAT = Array("github_pat_".utf8)
        static let xox = Array("xox".utf8)
        static let slackTypes: [UInt8] = Array("bpares".utf8)
        static let live = Array("live_".utf8), test = Array("test_".utf8)
    }

    private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        index == 0 || !isTokenByte(bytes[index - 1])
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
    }

    private static func run(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, allowing extra: UInt8 = 0
    )
        -> Int
    {
        var cursor = start
        while cursor < end, isTokenByte(bytes[cursor]) || (extra != 0 && bytes[cursor] == extra) { cursor += 1 }
        return cursor - start
    }

    private static func upperOrDigitRun(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var cursor = start
        while cursor < end, bytes[cursor] &- UInt8(ascii: "A") < 26 || bytes[cursor] &- UInt8(ascii: "0") < 10 {
            cursor += 1
        }
        return cursor - start
    }

    /// `eyJ<header>.eyJ<payload>.<signature>`: a signed JWT (an unsigned one, with an empty signature, is not a
    /// credential).
    private static func isJWT(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        var parts: [Int] = [0]
        var cursor = index
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ".") {
                guard parts.count < 3 else { break }
                parts.append(0)
            } else if isTokenByte(byte) || byte == UInt8(ascii: "-") {
                parts[parts.count - 1] += 1
            } else {
                break
            }
            cursor += 1
        }
        guard parts.count == 3, parts[0] >= 10, parts[1] >= 10, parts[2] >= 16 else { return false }
        let payload = index + parts[0] + 1
        return has(Array("eyJ".utf8), bytes, at: payload, end: end)
    }

    private static func has(_ needle: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index >= 0, index + needle.count <= end else { return false }
        for offset in 0..<needle.count where bytes[index + offset] != needle[offset] { return false }
        return true
    }

    private static func find(
        _ needle: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    )
        -> Bool
    {
        var index = start
        while index + needle.count <= end {
            if has(needle, bytes, at: index, end: end) { return true }
            index += 1
        }
        return false
    }
}
