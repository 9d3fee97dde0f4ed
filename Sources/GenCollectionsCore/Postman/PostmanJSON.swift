import Crypto
import GenCollectionsBase
import Foundation

/// How this tool writes JSON: the canonical layout (`JSONLayout.canonical`), so the same value always gives the
/// same bytes, and stable ids.
public enum PostmanJSON {
    /// A UUID derived from a name (RFC 4122 version 5 layout over SHA-1), so ids survive regeneration.
    public static func stableID(_ name: String) -> String {
        var input = "gen-collections:" + name
        let digest = input.withUTF8 { Insecure.SHA1.hash(data: UnsafeRawBufferPointer($0)) }
        var bytes = digest.withUnsafeBytes { Array($0.prefix(16)) }
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        // 8-4-4-4-12 lowercase hex digits, written directly (String(format:) costs more than the hash).
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            let (high, low) = Hex.digits(of: byte)
            text.append(high)
            text.append(low)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
