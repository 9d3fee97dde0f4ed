import Foundation

/// Bytes appended to one `malloc` block that doubles with `realloc` (glibc moves a large block by remapping its
/// pages, not by copying them) and becomes a `Data` without a copy, so a 57 MB collection is held once while it
/// is written, not twice or three times as with an `[UInt8]` grown by appends and then copied into `Data`.
///
/// A draining buffer (`init(draining:)`) writes its bytes to a file each time it fills, instead of growing: a file
/// written as it is made then takes one block of memory, whatever its size. A comparing one (`init(comparingWith:)`)
/// compares them with the bytes a file already holds instead.
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0
    /// Where the bytes go each time the buffer fills; nowhere for one that holds its bytes.
    private let sink: Sink
    /// The first failed write to the file; later bytes are dropped.
    private var failure: SystemError?
    /// How many of the expected bytes have been compared, and whether one differed (or the bytes ran past them).
    private var compared = 0
    private var differs = false

    private enum Sink {
        case none
        case file(Int32)
        /// The bytes to compare with, alive while the buffer is (its stored properties stay trivial, for `data()`).
        case comparison(UnsafeRawBufferPointer)
    }

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        start = Self.allocate(nil, self.capacity)
        sink = .none
    }

    /// A buffer that writes to the open file `descriptor` each time `capacity` bytes are in it; `finish()` writes
    /// the rest.
    init(draining descriptor: Int32, capacity: Int = 1 << 20) {
        self.capacity = max(capacity, 16)
        start = Self.allocate(nil, self.capacity)
        sink = .file(descriptor)
    }

    /// A buffer that compares its bytes with `expected` each time `capacity` bytes are in it; `finishComparing()`
    /// compares the rest.
    init(comparingWith expected: UnsafeRawBufferPointer, capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 16)
        start = Self.allocate(nil, self.capacity)
        sink = .comparison(expected)
    }

    /// Bytes appended from now on are dropped or compared in vain: the write failed, or the bytes differ.
    var isSpoilt: Bool { failure != nil || differs }

    deinit { free(start) }

    mutating func append(_ byte: UInt8) {
        if count == capacity { makeRoom(for: 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        if count + bytes.count > capacity { makeRoom(for: bytes.count) }
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
        if count + times > capacity { makeRoom(for: times) }
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

    /// A draining buffer's bytes written to its file, and its first failure, if any (the block is freed).
    consuming func finish() -> SystemError? {
        drain()
        return failure
    }

    /// Whether a comparing buffer's bytes were exactly the expected ones, no more and no fewer (the block is freed).
    consuming func finishComparing() -> Bool {
        drain()
        guard case .comparison(let expected) = sink else { return false }
        return !differs && compared == expected.count
    }

    /// Space for `extra` more bytes: a draining or comparing buffer empties first, and grows only for a run of
    /// bytes larger than it; any other doubles.
    private mutating func makeRoom(for extra: Int) {
        if case .none = sink {
        } else {
            drain()
            if extra <= capacity { return }
        }
        var size = capacity
        while size < count + extra { size *= 2 }
        start = Self.allocate(start, size)
        capacity = size
    }

    private mutating func drain() {
        switch sink {
        case .none:
            return
        case .file(let descriptor):
            if failure == nil {
                failure = AtomicFile.writeAll(UnsafeRawBufferPointer(start: start, count: count), to: descriptor)
            }
        case .comparison(let expected):
            guard !differs, count > 0 else { break }
            differs =
                compared + count > expected.count
                || memcmp(expected.baseAddress! + compared, start, count) != 0
            compared += count
        }
        count = 0
    }

    /// A block of `size` bytes (`block`'s bytes moved into it, when given); running out of memory ends the
    /// process, as it does for an array.
    private static func allocate(_ block: UnsafeMutablePointer<UInt8>?, _ size: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = realloc(block, size) else { fatalError("out of memory (\(size) bytes)") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }
}
