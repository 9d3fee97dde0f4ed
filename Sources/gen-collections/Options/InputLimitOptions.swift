import ArgumentParser
import GenCollectionsBase

/// `--max-input-size`, on every command that reads input files: the bound on one file's size.
struct InputLimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp(
            "Refuse input files larger than this: bytes, or a number with K, M or G.",
            valueName: "size"))
    var maxInputSize: ByteCount = ByteCount(bytes: InputFile.defaultMaximumSize)

    var bytes: Int { maxInputSize.bytes }
}

/// A size on the command line: `1048576`, `512K`, `64M`, `1G` (binary units; a trailing `B` or `iB` is allowed).
struct ByteCount: ExpressibleByArgument, Sendable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        var text = argument.uppercased()
        for suffix in ["IB", "B"] where text.hasSuffix(suffix) && text.count > suffix.count {
            text.removeLast(suffix.count)
            break
        }
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30]
        var shift = 0
        if let last = text.last, let found = shifts[last] {
            shift = found
            text.removeLast()
        }
        guard let number = Int(text), number > 0, number <= Int.max >> shift else { return nil }
        bytes = number << shift
    }

    var defaultValueDescription: String { InputFile.sizeText(bytes) }
}
