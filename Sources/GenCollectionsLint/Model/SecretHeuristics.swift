/// How the secret rules tell a secret from an ordinary value.
public enum SecretHeuristics {
    private static let secretWords = ["password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "privatekey",
                                      "private_key", "passphrase", "credential", "signingkey", "client_assertion"]
    private static let harmlessWords = ["endpoint", "url", "uri", "type", "expir", "ttl", "name", "id_token_signed",
                                        "auth_method", "path", "file", "hint", "length"]

    /// Whether a variable, header or field name suggests it holds a secret (`clientSecret`, `basicToken`, ...).
    public static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return secretWords.contains { lowered.contains($0) } && !harmlessWords.contains { lowered.contains($0) }
    }

    /// Whether a value is a literal: non-empty and not built from `{{variables}}`.
    public static func isLiteral(_ value: String) -> Bool {
        !value.trimmingSpaces.isEmpty && !value.contains("{{")
    }

    /// Whether a value looks like a JWT (`eyJ….eyJ….sig`).
    public static func looksLikeJWT(_ value: String) -> Bool {
        guard let start = value.range(of: "eyJ") else { return false }
        let parts = value[start.lowerBound...].prefix { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            .split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts[0].count >= 10 && parts[1].hasPrefix("eyJ") && parts[1].count >= 10
    }
}
