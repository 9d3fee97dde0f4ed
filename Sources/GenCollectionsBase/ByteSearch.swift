#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search over raw bytes, for prefilters in hot paths: the C library's vectorised `memchr` jumps to
/// the needle's rarest byte (an upper-case letter, punctuation or a rare letter rather than `e` or `s`), then
/// the rest is compared.
package enum ByteSearch {
    /// A needle with the position of its rarest byte.
    package struct Needle: Sendable {
        let bytes: [UInt8]
        let anchor: Int

        package init(_ text: String) {
            let bytes = Array(text.utf8)
            self.bytes = bytes
            anchor = bytes.indices.min { Needle.commonness(bytes[$0]) < Needle.commonness(bytes[$1]) } ?? 0
        }

        /// How often a byte appears in collections (letters by English frequency; the rest is rarer).
        static func commonness(_ byte: UInt8) -> Int {
            let letters = "etaoinsrhldcumfpgwybvkxjqz"
            if let rank = letters.utf8.firstIndex(of: byte | 0x20), byte | 0x20 >= UInt8(ascii: "a") {
                let position = letters.utf8.distance(from: letters.utf8.startIndex, to: rank)
                return byte >= UInt8(ascii: "a") ? 100 - position : 40 - position  // upper case is rarer
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return 80
            case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."):
                return 90
            default: return 10
            }
        }
    }

    /// The first offset in `buffer[range]` where `needle` starts, or nil (`range.lowerBound` for an empty needle).
    package static func firstOffset(
        of needle: Needle, in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
    ) -> Int? {
        let bytes = needle.bytes, anchor = needle.anchor
        guard !bytes.isEmpty else { return range.lowerBound }
        guard range.count >= bytes.count, let base = buffer.baseAddress else { return nil }
        // Candidate anchor positions run from lowerBound + anchor to upperBound - count + anchor.
        var start = range.lowerBound + anchor
        let last = range.upperBound - bytes.count + anchor
        while start <= last {
            guard let hit = memchr(base + start, Int32(bytes[anchor]), last - start + 1) else { return nil }
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) - anchor
            var offset = 0
            while offset < bytes.count, base[index + offset] == bytes[offset] { offset += 1 }
            if offset == bytes.count { return index }
            start = index + anchor + 1
        }
        return nil
    }

    /// Whether `buffer[range]` contains `needle`.
    package static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: Needle) -> Bool {
        firstOffset(of: needle, in: buffer, range) != nil
    }

    /// Whether `bytes[range]` contains `needle`.
    package static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: Needle) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, range, needle) }
    }

    /// Whether `text` contains `needle`.
    package static func contains(_ text: String, _ needle: Needle) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, 0..<$0.count, needle) }
    }

    /// Whether `bytes[range]` contains any of `needles`.
    package static func containsAny(_ bytes: [UInt8], _ range: Range<Int>, _ needles: [Needle]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in needles.contains { contains(buffer, range, $0) } }
    }

    /// The first offset in `start..<end` where `buffer` holds `byte`, found with `memchr`.
    package static func firstOffset(
        of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int
    ) -> Int? {
        guard start < end, let base = buffer.baseAddress, let hit = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
    }

    /// Every offset in `buffer` where `byte` occurs, found with `memchr`.
    package static func offsets(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var start = 0
        while let index = firstOffset(of: byte, in: buffer, from: start, to: buffer.count) {
            body(index)
            start = index + 1
        }
    }
}
