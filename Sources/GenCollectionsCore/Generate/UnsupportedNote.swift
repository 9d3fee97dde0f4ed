/// The notes the generator appends to a folder's description about what the bank does not support. They are the
/// generator's text, not the user's: `generate` with and without `--include-unsupported` writes different notes, so
/// `check` reports a differing note as drift and `sync` replaces it, while a description the user edited is kept.
enum UnsupportedNote {
    /// Before the reason of a flow the spec marks unsupported (written with `--include-unsupported`).
    static let flowPrefix = "Not supported by this bank: "
    /// Before the list of the flow's steps left out (written without `--include-unsupported`).
    static let leftOutHeading = "Left out, not supported by this bank:\n"

    /// `description` with `note` appended as its own paragraph.
    static func appending(_ note: String, to description: String) -> String {
        description + (description.isEmpty ? "" : "\n\n") + note
    }

    /// `description` without the generator's notes: the text before the first of them.
    static func removing(from description: String) -> String {
        var end = description.endIndex
        for note in [flowPrefix, leftOutHeading] {
            if description.hasPrefix(note) { return "" }
            if let found = description.range(of: "\n\n" + note), found.lowerBound < end { end = found.lowerBound }
        }
        return String(description[..<end])
    }

    /// Whether two descriptions differ only in the generator's notes.
    static func differOnlyInNotes(_ a: String, _ b: String) -> Bool { a != b && removing(from: a) == removing(from: b) }
}
