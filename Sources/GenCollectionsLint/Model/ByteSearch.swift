#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring search over raw bytes, for prefilters in hot paths: the C library's vectorised `memchr` finds
/// candidates for the first byte, then the rest is compared.
enum ByteSearch {
    /// Whether `buffer[range]` contains `needle`.
    static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard range.count >= needle.count, let base = buffer.baseAddress else { return false }
        var start = range.lowerBound
        let last = range.upperBound - needle.count
        while start <= last {
            guard let hit = memchr(base + start, Int32(first), last - start + 1) else { return false }
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            var offset = 1
            while offset < needle.count, base[index + offset] == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
            start = index + 1
        }
        return false
    }

    /// Whether `bytes[range]` contains `needle`.
    static func contains(_ bytes: [UInt8], _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { contains($0, range, needle) }
    }

    /// Whether `text` contains `needle`.
    static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, 0..<$0.count, needle) }
    }

    /// Whether `bytes[range]` contains any of `needles`.
    static func containsAny(_ bytes: [UInt8], _ range: Range<Int>, _ needles: [[UInt8]]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in needles.contains { contains(buffer, range, $0) } }
    }
}
