/// Lowercase hexadecimal text of bytes, two digits a byte. Written directly: `String(format: "%02x")` costs more
/// than the hash it prints, and its first use looks up protocol conformances, a cost paid at every start.
public enum Hex {
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            let (high, low) = digits(of: byte)
            text.append(high)
            text.append(low)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The two ASCII digits of `byte`, for writers that build bytes themselves.
    public static func digits(of byte: UInt8) -> (high: UInt8, low: UInt8) {
        (digits[Int(byte >> 4)], digits[Int(byte & 0x0F)])
    }

    private static let digits = Array("0123456789abcdef".utf8)
}
