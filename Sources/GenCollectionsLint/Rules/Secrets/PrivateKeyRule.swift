/// A PEM private key anywhere in a file, scripts included.
public struct PrivateKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "private-key", name: "Private Key", category: .secrets, defaultSeverity: .error,
        summary: "No PEM private key may be committed in a Postman file",
        explanation: """
            A `-----BEGIN ... PRIVATE KEY-----` block in a collection, environment or script is a committed secret: \
            anyone with read access to the repository can impersonate the client. Keep keys in files outside the \
            repository (Newman takes them with `--ssl-client-cert-list`) or in CI secrets, and revoke the \
            committed key.
            """,
        passing: [Example(#"{"url": "https://example.com", "body": {"mode": "raw", "raw": "{{signingKey}}"}}"#)],
        failing: [
            Example(
                #"{"url": "https://example.com", "body": {"mode": "raw", "raw": "↓-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----"}}"#
            ),
            Example(
                #"{"name": "Env", "values": [{"key": "k", "value": "x ↓-----BEGIN RSA PRIVATE KEY-----\nMIIE", "type": "secret"}]}"#,
                .file("example.postman_environment.json")),
        ])

    public init() {}

    private static let begin = Array("-----BEGIN ".utf8), tail = Array("PRIVATE KEY-----".utf8)

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        var findings: [Finding] = []
        document.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<document.nodeCount where document.kind(index) == .string {
                let range = document.byteRange(index)
                guard range.count > Self.tail.count + 2 else { continue }
                var cursor = range.lowerBound + 1
                while let found = Self.find(Self.begin, in: bytes, from: cursor, to: range.upperBound - 1) {
                    let lineEnd = Self.lineEnd(bytes, from: found, to: range.upperBound - 1)
                    if Self.find(Self.tail, in: bytes, from: found, to: lineEnd) != nil {
                        findings.append(
                            Finding(
                                offset: found, message: "a PEM private key is committed in this file",
                                hint:
                                    "move the key out of the repository, reference it by path or variable, and revoke it"
                            ))
                        break
                    }
                    cursor = found + 1
                }
            }
        }
        return findings
    }

    private static func find(
        _ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Int? {
        guard end - start >= needle.count else { return nil }
        var index = start
        let first = needle[0]
        while index <= end - needle.count {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] { matched = false; break }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// The end of the PEM header: the next escaped newline (`\n`) or the end of the string.
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var index = start
        while index < end, bytes[index] != UInt8(ascii: "\\") { index += 1 }
        return index
    }
}
