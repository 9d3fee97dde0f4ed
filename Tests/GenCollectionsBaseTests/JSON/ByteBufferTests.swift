import Foundation
import Testing
@testable import GenCollectionsBase

/// The buffer the JSON writer fills: bytes come out in the order they went in, across every growth of the block.
@Suite struct ByteBufferTests {
    @Test func bytesSurviveEachGrowthInOrder() {
        var buffer = ByteBuffer(capacity: 16)
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
        #expect(buffer.count == expected.count)
        #expect(buffer.data() == Data(expected))
    }

    @Test func anEmptyBufferIsEmptyData() {
        let buffer = ByteBuffer()
        #expect(buffer.data().isEmpty)
    }
}
