import GenCollectionsBase

/// One pass over every string of a file for text that is a secret whatever its key: PEM private keys and the
/// token formats of well-known providers. Linear in the file size: each byte is looked at a bounded number of
/// times, whatever the content (a string full of `-----BEGIN ` markers included).
struct SecretScanner {
    /// What was found.
    enum Kind: Sendable, Hashable {
        case privateKey
        case token(String)
    }

    struct Match: Sendable {
        var kind: Kind
        /// Byte offset in the file (exact for strings without escapes, else the start of the string).
        var offset: Int
        /// The string node.
        var node: Int
    }

    /// The matches of `document`, in document order (at most one private key per string).
    static func scan(_ document: JSONDocument) -> [Match] {
        var matches: [Match] = []
        document.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<document.nodeCount where document.kind(index) == .string {
                let range = document.byteRange(index)
                guard range.count > 18 else { continue }
                scan(bytes, from: range.lowerBound + 1, to: range.upperBound - 1, node: index, into: &matches)
            }
        }
        return matches
    }

    private static let begin = Array("-----BEGIN ".utf8), keyTail = Array("PRIVATE KEY-----".utf8)
    /// The longest label plus tail a PEM private-key header has (RFC 7468 labels are short).
    private static let maximumHeader = 64

    /// Bytes that can start a match; everything else is skipped with one table lookup.
    private static let starts: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "-AgxsrehRS".utf8 { table[Int(byte)] = true }
        return table
    }()

    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, node: Int, into matches: inout [Match]
    ) {
        var foundKey = false
        var index = start
        while index < end {
            let byte = bytes[index]
            guard starts[Int(byte)] else {
                index += 1
                continue
            }
            if byte == UInt8(ascii: "-") {
                if !foundKey, has(begin, bytes, at: index, end: end) {
                    let window = min(end, index + begin.count + maximumHeader)
                    var lineEnd = index
                    while lineEnd < window, bytes[lineEnd] != UInt8(ascii: "\\") { lineEnd += 1 }
                    if find(keyTail, bytes, from: index, to: lineEnd) {
                        matches.append(Match(kind: .privateKey, offset: index, node: node))
                        foundKey = true
                    }
                    index += begin.count
                    continue
                }
            } else if isWordStart(bytes, index, start), let (name, length) = token(bytes, at: index, end: end) {
                matches.append(Match(kind: .token(name), offset: index, node: node))
                index += length
                continue
            }
            index += 1
        }
    }

    private static func isWordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ start: Int) -> Bool {
        index == start || !isTokenByte(bytes[index - 1])
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
    }

    /// The provider token starting at `index`, and its length.
    private static func token(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (String, Int)? {
        func run(from: Int, allowing extra: String = "") -> Int {
            var cursor = from
            while cursor < end, isTokenByte(bytes[cursor]) || extra.utf8.contains(bytes[cursor]) { cursor += 1 }
            return cursor - from
        }
        func upperOrDigitRun(from: Int) -> Int {
            var cursor = from
            while cursor < end, bytes[cursor] &- UInt8(ascii: "A") < 26 || bytes[cursor] &- UInt8(ascii: "0") < 10 {
                cursor += 1
            }
            return cursor - from
        }
        switch bytes[index] {
        case UInt8(ascii: "A"):
            for prefix in Prefixes.aws where has(prefix, bytes, at: index, end: end) {
                if upperOrDigitRun(from: index + 4) == 16, run(from: index) == 20 {
                    return ("an AWS access key id", 20)
                }
            }
            if has(Prefixes.google, bytes, at: index, end: end), run(from: index + 4, allowing: "-") >= 35 {
                return ("a Google API key", 39)
            }
        case UInt8(ascii: "g"):
            for prefix in Prefixes.github where has(prefix, bytes, at: index, end: end) {
                if run(from: index + 4) >= 36 { return ("a GitHub token", 40) }
            }
            if has(Prefixes.githubPAT, bytes, at: index, end: end), run(from: index + 11) >= 22 {
                return ("a GitHub token", 33)
            }
        case UInt8(ascii: "x"):
            for prefix in Prefixes.slack where has(prefix, bytes, at: index, end: end) {
                if run(from: index + 5, allowing: "-") >= 10 { return ("a Slack token", 15) }
            }
        case UInt8(ascii: "s"), UInt8(ascii: "r"):
            for prefix in Prefixes.stripe where has(prefix, bytes, at: index, end: end) {
                if run(from: index + 8) >= 16 { return ("a Stripe secret key", 24) }
            }
        case UInt8(ascii: "S"):
            if has(Prefixes.sendGrid, bytes, at: index, end: end), run(from: index + 3, allowing: "-.") >= 60 {
                return ("a SendGrid API key", 63)
            }
        case UInt8(ascii: "e"):
            if has(Prefixes.jwt, bytes, at: index, end: end) { return jwt(bytes, at: index, end: end) }
        default:
            break
        }
        return nil
    }

    /// `eyJ<header>.eyJ<payload>.<signature>`: a signed JWT (an unsigned one, with an empty signature, is not a
    /// credential).
    private static func jwt(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (String, Int)? {
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
        guard parts.count == 3, parts[0] >= 10, parts[1] >= 10, parts[2] >= 16,
            has(Prefixes.jwt, bytes, at: index + parts[0] + 1, end: end)
        else { return nil }
        return ("a JWT", cursor - index)
    }

    /// Token prefixes, as bytes once.
    private enum Prefixes {
        static let aws = ["AKIA", "ASIA", "ABIA", "ACCA"].map { Array($0.utf8) }
        static let google = Array("AIza".utf8)
        static let github = ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"].map { Array($0.utf8) }
        static let githubPAT = Array("github_pat_".utf8)
        static let slack = ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"].map { Array($0.utf8) }
        static let stripe = ["sk_live_", "rk_live_", "sk_test_", "rk_test_"].map { Array($0.utf8) }
        static let sendGrid = Array("SG.".utf8)
        static let jwt = Array("eyJ".utf8)
    }

    private static func has(_ needle: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index + needle.count <= end else { return false }
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
