import Foundation
import Testing
@testable import GenCollectionsBase

/// The buffer the JSON writer fills: bytes come out in the order they went in, across every growth of the block.
@Suite struct ByteBufferTests {
    /// Appends bytes, repeated bytes, text and runs of every length up to 199, through `buffer`; what went in.
    static func fill(_ buffer: inout ByteBuffer) -> [UInt8] {
        var expected: [UInt8] = []
        for round in 0..<200 {
            buffer.append(UInt8(round % 256))
            expected.append(UInt8(round % 256))
            buffer.append(UInt8(ascii: " "), times: round % 5)
            expected += repeatElement(UInt8(ascii: " "), count: round % 5)
            buffer.append("é\(round)")
            expected += Array("é\(round)".utf8)
            let run = Array(repeating: UInt8(round % 7), count: round)
            run.withUnsafeBufferPointer { buffer.append($0) }
            expected += run
        }
        return expected
    }

    @Test func bytesSurviveEachGrowthInOrder() {
        var buffer = ByteBuffer(capacity: 16)
        let expected = Self.fill(&buffer)
        #expect(buffer.count == expected.count)
        #expect(buffer.data() == Data(expected))
    }

    /// A draining buffer of 16 bytes writes runs longer than itself too, and everything in order.
    @Test func aDrainingBufferWritesEverythingToItsFileInOrder() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("drain-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        try #require(descriptor >= 0)
        var buffer = ByteBuffer(draining: descriptor, capacity: 16)
        let expected = Self.fill(&buffer)
        #expect(buffer.finish() == nil)
        close(descriptor)
        #expect(try Data(contentsOf: file) == Data(expected))
    }

    @Test func aDrainingBufferGivesItsFirstFailedWrite() throws {
        let descriptor = open("/dev/null", O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var buffer = ByteBuffer(draining: descriptor, capacity: 16)
        _ = Self.fill(&buffer)
        #expect(buffer.finish() == SystemError(EBADF))
    }

    /// A comparing buffer of 16 bytes finds its bytes equal to the same bytes only: not to a prefix, a longer run,
    /// or any run with one byte changed, wherever it is (inside a run longer than the buffer, at its end, at the end).
    @Test func aComparingBufferIsEqualOnlyToTheSameBytes() {
        func compare(with expected: [UInt8]) -> Bool {
            expected.withUnsafeBytes { bytes in
                var buffer = ByteBuffer(comparingWith: bytes, capacity: 16)
                _ = Self.fill(&buffer)
                return buffer.finishComparing()
            }
        }
        var scratch = ByteBuffer()
        let bytes = Self.fill(&scratch)
        #expect(compare(with: bytes))
        #expect(!compare(with: Array(bytes.dropLast())))
        #expect(!compare(with: bytes + [0]))
        #expect(!compare(with: []))
        for index in [0, 15, 16, 17, bytes.count / 2, bytes.count - 1] {
            var changed = bytes
            changed[index] ^= 0x01
            #expect(!compare(with: changed), "byte \(index) of \(bytes.count)")
        }
    }

    /// A streamed document compared with a file stops making elements once its bytes differ.
    @Test func aStreamedDocumentComparedWithAFileStopsAtTheFirstDifference() {
        let shell = JSONValue.object([("name", .string("c")), ("item", .array([]))])
        var made = 0
        func item(_ index: Int) -> JSONValue {
            made += 1
            return .object([("id", .number(String(index))), ("text", .string(String(repeating: "x", count: 70_000)))])
        }
        let whole = JSONValue.object([("name", .string("c")), ("item", .array((0..<6).map(item)))]).data(.canonical)
        made = 0
        #expect(shell.writes(whole, .canonical, streaming: "item", count: 6, element: item))
        #expect(made == 6)
        var edited = whole
        edited[100] = UInt8(ascii: "y")
        made = 0
        #expect(!shell.writes(edited, .canonical, streaming: "item", count: 6, element: item))
        #expect(made < 6)
    }

    @Test func anEmptyBufferIsEmptyData() {
        let buffer = ByteBuffer()
        #expect(buffer.data().isEmpty)
    }
}
