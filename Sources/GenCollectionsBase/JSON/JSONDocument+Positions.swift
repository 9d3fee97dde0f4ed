import Foundation

/// Positions (1-based line and column) and JSON pointers for nodes.
extension JSONDocument {
    /// A 1-based line and column; a tab counts as one column, and columns count Unicode scalars.
    public struct Position: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int

        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        public var description: String { "\(line):\(column)" }
    }

    /// The position of a byte offset.
    public func position(ofOffset offset: Int) -> Position {
        // lineStarts[k] is where line k + 2 starts; count the line starts at or before `offset`.
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if Int(lineStarts[middle]) <= offset { low = middle + 1 } else { high = middle }
        }
        let lineStart = low == 0 ? 0 : Int(lineStarts[low - 1])
        return Position(line: low + 1, column: Self.column(in: bytes, from: lineStart, to: offset))
    }

    /// The positions of `offsets`, which are sorted: the line starts are walked once alongside them, and a column
    /// is counted on from the previous offset when it is on the same line, so a one-line file with many offsets
    /// is still read once.
    public func positions(ofSorted offsets: [Int]) -> [Position] {
        var result: [Position] = []
        result.reserveCapacity(offsets.count)
        // `line` is the 0-based line of the previous offset, `counted` the offset its column was counted to.
        var line = 0, column = 1, counted = 0
        for offset in offsets {
            var lineStart = line == 0 ? 0 : Int(lineStarts[line - 1])
            if line < lineStarts.count, Int(lineStarts[line]) <= offset {
                while line < lineStarts.count, Int(lineStarts[line]) <= offset { line += 1 }
                lineStart = Int(lineStarts[line - 1])
                (column, counted) = (1, lineStart)
            }
            column += Self.column(in: bytes, from: max(counted, lineStart), to: offset) - 1
            counted = max(counted, min(offset, bytes.count))
            result.append(Position(line: line + 1, column: column))
        }
        return result
    }

    /// The position where node `index` starts.
    public func position(of index: Int) -> Position { position(ofOffset: offset(index)) }

    /// 1 + the number of Unicode scalars between `lineStart` and `offset` (UTF-8 continuation bytes skipped).
    static func column(in bytes: [UInt8], from lineStart: Int, to offset: Int) -> Int {
        var column = 1
        var index = lineStart
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }

    /// The RFC 6901 JSON pointer of node `index` (an object key gets its member's pointer).
    public func pointer(of index: Int) -> String {
        var tokens: [String] = []
        var current = index
        if isKeyNode(current) { current += 1 }
        while let parent = parent(current) {
            if kind(parent) == .object {
                tokens.append(string(current - 1) ?? "")
            } else {
                tokens.append(String(children(parent).firstIndex(of: current) ?? 0))
            }
            current = parent
        }
        return tokens.reversed().map { "/" + $0.replacingTildeAndSlash() }.joined()
    }

    /// The node a JSON pointer names, or nil when it names nothing.
    public func node(atPointer pointer: String) -> Int? {
        guard !pointer.isEmpty else { return root }
        guard pointer.hasPrefix("/") else { return nil }
        var current = root
        for rawToken in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = rawToken.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            switch kind(current) {
            case .object:
                guard let value = member(current, token) else { return nil }
                current = value
            case .array:
                guard let position = Int(token), position >= 0 else { return nil }
                let elements = elements(current)
                guard position < elements.count else { return nil }
                current = elements[position]
            default:
                return nil
            }
        }
        return current
    }

    /// Whether node `index` is an object key (keys precede their values inside an object).
    func isKeyNode(_ index: Int) -> Bool {
        guard let parent = parent(index), kind(parent) == .object else { return false }
        var key = parent + 1
        while key < index { key = next(key + 1) }
        return key == index
    }
}

private extension String {
    func replacingTildeAndSlash() -> String {
        replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
