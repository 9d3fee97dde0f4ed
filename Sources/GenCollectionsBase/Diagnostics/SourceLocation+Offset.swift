extension SourceLocation {
    /// The position of the byte at `offset` in `bytes`: 1-based line, and column in characters (UTF-8 lead bytes),
    /// as an editor shows it.
    public init(file: String, offset: Int, in bytes: some Collection<UInt8>) {
        var line = 1, column = 1
        for byte in bytes.prefix(max(0, offset)) {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(file: file, line: line, column: column)
    }

    /// The offset of the first byte of `bytes` that is not valid UTF-8, or nil when all of it is.
    public static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
