/// How the secret rules tell a secret from an ordinary value.
public enum SecretHeuristics {
    private static let secretWords = [
        "password", "passwd", "secret", "token", "apikey", "api_key", "api-key", "privatekey",
        "private_key", "passphrase", "credential", "signingkey", "client_assertion",
    ]
    private static let harmlessWords = [
        "endpoint", "url", "uri", "type", "expir", "ttl", "name", "id_token_signed",
        "auth_method", "path", "file", "hint", "length", "validity", "lifetime", "timeout", "duration", "format",
        "prefix",
    ]

    /// Whether a variable, header or field name suggests it holds a secret (`clientSecret`, `basicToken`, ...).
    public static func isSecretName(_ name: String) -> Bool {
        let lowered = name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return secretWordBytes.contains { contains(lowered, $0) }
            && !harmlessWordBytes.contains { contains(lowered, $0) }
    }

    /// A quick, allocation-free test that bytes (a key inside a raw body) may contain a secret word: a
    /// case-insensitive search for the words' distinctive parts. `isSecretName` decides after a real parse.
    static func mayBeSecretName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard range.count >= 5 else { return false }
        for index in range {
            // Most letters start no word: one table look per byte instead of a comparison per word.
            for word in quickWordsByFirstByte[Int(lowercased(bytes[index]))]
            where index + word.count <= range.upperBound {
                var offset = 1
                while offset < word.count, lowercased(bytes[index + offset]) == word[offset] { offset += 1 }
                if offset == word.count { return true }
            }
        }
        return false
    }

    /// ASCII letters lowered; other bytes as they are (`_` | 0x20 would be DEL, and `api_key` would never match).
    private static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    private static let quickWords = [
        "secret", "passw", "token", "apikey", "api_key", "passphrase", "credential",
        "privatekey", "private_key", "signingkey", "assertion",
    ].map { Array($0.utf8) }

    /// `quickWords` by their first byte.
    private static let quickWordsByFirstByte = (0...255).map { byte in quickWords.filter { $0[0] == byte } }

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

    /// Whether a value in a secret's place is a literal secret: a literal that is not a placeholder.
    public static func isLiteralSecret(_ value: String) -> Bool {
        isLiteral(value) && !isPlaceholder(value)
    }

    /// Values that sit where a secret goes but are none: numbers and booleans (`3600`, `false`: settings whose
    /// names contain "token"), an auth scheme with no credential (`Bearer `), `<API Key>`-style and
    /// `YOUR_TOKEN`-style placeholders, environment references (`$TOKEN`, `${TOKEN}`, `%TOKEN%`), masks
    /// (`***`, `xxxx`), and upper-case prose such as `CONSTANT: PSU USER PASSWORD`.
    public static func isPlaceholder(_ value: String) -> Bool {
        var text = value.trimmingSpaces
        for scheme in ["bearer", "basic", "token", "digest", "apikey"] {
            if text.lowercased().hasPrefix(scheme + " ") || text.lowercased() == scheme {
                text = String(text.dropFirst(scheme.count)).trimmingSpaces
                break
            }
        }
        guard !text.isEmpty else { return true }
        let lowered = text.lowercased()
        if ["true", "false", "yes", "no", "null", "none", "undefined", "nil"].contains(lowered) { return true }
        if text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) { return true }
        if let first = text.first, let last = text.last,
            (first == "<" && last == ">") || (first == "[" && last == "]") || (first == "%" && last == "%")
        {
            return true
        }
        if text.hasPrefix("$") || text.hasPrefix("process.env") { return true }
        if text.allSatisfy({ "*xX.•…-_#".contains($0) }) { return true }
        for word in ["your_", "your-", "your ", "yourtoken", "<", "changeme", "placeholder", "redacted", "replace"]
        where lowered.hasPrefix(word) || (word.count > 4 && lowered.contains(word)) {
            return true
        }
        // Upper-case prose with spaces is a description of the value, not the value.
        if text.contains(" "), text.contains(where: \.isLetter), !text.contains(where: \.isLowercase) {
            return true
        }
        return false
    }

    /// Whether a value looks like a JWT (`eyJ….eyJ….sig`).
    public static func looksLikeJWT(_ value: String) -> Bool {
        guard contains(Array(value.utf8), Array("eyJ".utf8)), let start = value.range(of: "eyJ") else { return false }
        let parts = value[start.lowerBound...].prefix { $0.isLetter || $0.isNumber || "-_.".contains($0) }
            .split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 3 && parts[0].count >= 10 && parts[1].hasPrefix("eyJ") && parts[1].count >= 10
    }

    /// Whether a literal looks random enough to be a key (generic high-entropy check): at least 24 characters
    /// of one token, letters and digits mixed, and more than 3.5 bits of entropy per character. UUIDs, which
    /// are identifiers, do not count.
    public static func isHighEntropy(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 24, bytes.count <= 512 else { return false }
        var counts = [Int](repeating: 0, count: 256)
        var digits = 0, letters = 0
        for byte in bytes {
            let isAlnum = (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
            guard isAlnum || "+/=_-.".utf8.contains(byte) else { return false }
            if byte &- UInt8(ascii: "0") < 10 { digits += 1 } else if isAlnum { letters += 1 }
            counts[Int(byte)] += 1
        }
        guard digits > 0, letters > 0 else { return false }
        if bytes.count == 36, bytes.filter({ $0 == UInt8(ascii: "-") }).count == 4 { return false }  // a UUID
        var entropy = 0.0
        for count in counts where count > 0 {
            let share = Double(count) / Double(bytes.count)
            entropy -= share * log2(share)
        }
        return entropy > 3.5
    }

    private static func log2(_ value: Double) -> Double {
        var result = 0.0, mantissa = value
        // log2 without Foundation: split off powers of two, then a series for the rest.
        while mantissa < 1 { mantissa *= 2; result -= 1 }
        while mantissa >= 2 { mantissa /= 2; result += 1 }
        let ratio = (mantissa - 1) / (mantissa + 1), square = ratio * ratio
        var term = ratio, sum = 0.0, power = 1.0
        for _ in 0..<12 {
            sum += term / power
            term *= square
            power += 2
        }
        return result + 2 * sum / 0.6931471805599453
    }
}
