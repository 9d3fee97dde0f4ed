import Foundation

/// Bytes appended to one `malloc` block that doubles with `realloc` (glibc moves a large block by remapping its
/// pages, not by copying them) and becomes a `Data` without a copy, so a 57 MB collection is held once while it
/// is written, not twice or three times as with an `[UInt8]` grown by appends and then copied into `Data`.
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        start = Self.allocate(nil, self.capacity)
    }

    deinit { free(start) }

    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toHold: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    /// The text's UTF-8 bytes.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `byte`, `times` times.
    mutating func append(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        if count + times > capacity { grow(toHold: count + times) }
        (start + count).initialize(repeating: byte, count: times)
        count += times
    }

    /// The bytes as UTF-8 text (copied into the string; the block is freed).
    consuming func text() -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    }

    /// The bytes, as a `Data` that owns (and frees) the block.
    consuming func data() -> Data {
        let data = Data(bytesNoCopy: start, count: count, deallocator: .free)
        discard self
        return data
    }

    private mutating func grow(toHold needed: Int) {
        var size = capacity
        while size < needed { size *= 2 }
        start = Self.allocate(start, size)
        capacity = size
    }

    /// A block of `size` bytes (`block`'s bytes moved into it, when given); running out of memory ends the
    /// process, as it does for an array.
    private static func allocate(_ block: UnsafeMutablePointer<UInt8>?, _ size: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = realloc(block, size) else { fatalError("out of memory (\(size) bytes)") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }
}
