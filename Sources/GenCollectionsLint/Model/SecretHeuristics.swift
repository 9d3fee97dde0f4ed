/// How the secret rules tell a secret from an ordinary value.
public enum SecretHeuristics {
    private static let secretWords = [
        "password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "privatekey",
        "private_key", "passphrase", "credential", "signingkey", "client_assertion",
    ]
    private static let harmlessWords = [
        "endpoint", "url", "uri", "type", "expir", "ttl", "name", "id_token_signed",
        "auth_method", "path", "file", "hint", "length",
    ]

    /// Whether a variable, header or field name suggests it holds a secret (`clientSecret`, `basicToken`, ...).
    public static func isSecretName(_ name: String) -> Bool {
        let lowered = name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return secretWordBytes.contains { contains(lowered, $0) }
            && !harmlessWordBytes.contains { contains(lowered, $0) }
    }

    private static let secretWordBytes = secretWords.map { Array($0.utf8) }
    private static let harmlessWordBytes = harmlessWords.map { Array($0.utf8) }

    /// Byte substring search (names are short; no Foundation in the hot path).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            var index = 1
            while index < needle.count, haystack[start + index] == needle[index] { index += 1 }
            if index == needle.count { return true }
        }
        return false
    }

    /// Whether a value is a literal: non-empty and not built from `{{variables}}`.
    public static func isLiteral(_ value: String) -> Bool {
        !value.isBlank && !contains(Array(value.utf8), Array("{{".utf8))
    }

    /// Whether a value looks like a JWT (`eyJ….eyJ….sig`).
    public static func looksLikeJWT(_ value: String) -> Bool {
        guard contains(Array(value.utf8), Array("eyJ".utf8)), let start = value.range(of: "eyJ") else { return false }
        let parts = value[start.lowerBound...].prefix { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            .split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts[0].count >= 10 && parts[1].hasPrefix("eyJ") && parts[1].count >= 10
    }
}
