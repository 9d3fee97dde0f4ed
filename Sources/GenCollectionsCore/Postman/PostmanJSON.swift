import Crypto
import Foundation

/// How this tool writes Postman JSON: sorted keys, two-space indent, unescaped slashes, a final newline.
/// The same model always gives the same bytes.
public enum PostmanJSON {
    public static func encode<Value: Encodable>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        return data
    }

    /// A UUID derived from a name (RFC 4122 version 5 layout over SHA-1), so ids survive regeneration.
    public static func stableID(_ name: String) -> String {
        var bytes = Array(Insecure.SHA1.hash(data: Data("gen-collections:\(name)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        let parts = [
            hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4),
            hex.dropFirst(20),
        ]
        return parts.map(String.init).joined(separator: "-")
    }
}
