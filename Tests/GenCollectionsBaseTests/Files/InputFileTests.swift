import Foundation
import Testing
@testable import GenCollectionsBase

/// Reading the files a user names: bounded, devices refused, and the system's reason when it fails.
@Suite struct InputFileTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("input-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func readsAFile() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.yaml")
        try Data("name: x\n".utf8).write(to: file)
        #expect(try InputFile.read(file.path) == Data("name: x\n".utf8))
    }

    @Test func readsAFileOfManyChunksIntoOneArray() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("large.json")
        // Three 64 KiB reads and a part of one, with bytes that tell the chunks apart.
        let contents = (0..<(3 << 16) + 1000).map { UInt8(truncatingIfNeeded: $0 / 7) }
        try Data(contents).write(to: file)
        #expect(try InputFile.bytes(file.path) == contents)
        #expect(try InputFile.read(file.path) == Data(contents))
    }

    @Test func refusesAFileOverTheLimitWithoutReadingIt() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big.json")
        try Data(repeating: 0x20, count: 2048).write(to: file)
        let error = try #require(throws: InputFile.Failure.self) { try InputFile.read(file.path, maximumSize: 1024) }
        #expect(error.description == "it is larger than 1 KiB, the input size limit")
        #expect(error.hint == "pass --max-input-size with a larger size, e.g. --max-input-size 256M")
        #expect(try InputFile.read(file.path, maximumSize: 2048).count == 2048)
    }

    @Test func refusesDevicesSuchAsDevZero() throws {
        let error = try #require(throws: InputFile.Failure.self) { try InputFile.read("/dev/zero") }
        #expect(error.description == "it is a device, not a file")
    }

    @Test func readsAPipeUpToTheLimit() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data(repeating: 0x41, count: 5000))
            try? handle?.close()
        }
        writer.start()
        let error = try #require(throws: InputFile.Failure.self) { try InputFile.read(fifo, maximumSize: 4096) }
        #expect(error.description == "it is larger than 4 KiB, the input size limit")
    }

    @Test func saysWhyAFileCannotBeRead() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: InputFile.Failure(path: folder.path, reason: .folder)) { try InputFile.read(folder.path) }
        let missing = folder.appendingPathComponent("missing.yaml").path
        let error = try #require(throws: InputFile.Failure.self) { try InputFile.read(missing) }
        #expect(error.description == "no such file or folder (ENOENT)")
        let notFolder = folder.appendingPathComponent("file")
        try Data().write(to: notFolder)
        let inside = try #require(throws: InputFile.Failure.self) {
            try InputFile.read(notFolder.appendingPathComponent("x").path)
        }
        #expect(inside.description == "a part of the path is not a folder (ENOTDIR)")
    }

    @Test(.enabled(if: getuid() != 0, "root reads every file")) func permissionDeniedIsEACCES() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("secret.yaml")
        try Data("x".utf8).write(to: file)
        chmod(file.path, 0)
        let error = try #require(throws: InputFile.Failure.self) { try InputFile.read(file.path) }
        #expect(error.description == "permission denied (EACCES)")
    }

    @Test func sizesArePrintedInBinaryUnits() {
        #expect(InputFile.sizeText(32 << 20) == "32 MiB")
        #expect(InputFile.sizeText(1 << 30) == "1 GiB")
        #expect(InputFile.sizeText(1536) == "1536 bytes")
    }

    @Test func theFirstInvalidUTF8ByteHasAPosition() {
        let bytes = Array("ok: é\nname: caf".utf8) + [0xE9] + Array("\n".utf8)
        let offset = SourceLocation.firstInvalidUTF8(in: bytes)
        #expect(offset == 16)
        #expect(SourceLocation(file: "s.yaml", offset: offset ?? 0, in: bytes).description == "s.yaml:2:10")
        #expect(SourceLocation.firstInvalidUTF8(in: Array("fine ✓".utf8)) == nil)
    }

    /// The spec loader validates with the standard library and asks `firstInvalidUTF8` only where that failed, so
    /// the two must agree on every kind of bad byte.
    @Test(
        arguments: [
            [0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80],
            [0xFF], [0xE2, 0x9C], [0xE2, 0x9C, 0x93], [0xF0, 0x9F, 0x98, 0x80], [0xC3, 0xA9, 0x41],
        ] as [[UInt8]])
    func standardValidationAgreesWithTheLocator(_ tail: [UInt8]) {
        let bytes = Array("name: ".utf8) + tail
        #expect(
            (String(validating: bytes, as: UTF8.self) == nil) == (SourceLocation.firstInvalidUTF8(in: bytes) != nil))
    }
}
