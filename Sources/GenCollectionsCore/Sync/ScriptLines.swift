import GenCollectionsBase

/// Line arithmetic on Postman scripts (`exec` arrays): comparison of the generated lines with a file's lines,
/// and the merge that keeps a user's own lines.
///
/// Postman may store a script as one string with newlines or as one string per line, and its editor may strip
/// trailing spaces; lines are split on newlines and compared without trailing whitespace.
enum ScriptLines {
    static func comparable(_ line: String) -> String {
        var line = Substring(line)
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return String(line)
    }

    /// Index pairs (a, b) of a longest common subsequence of `a` and `b`, compared by `comparable`.
    static func commonSubsequence(_ a: [String], _ b: [String]) -> [(Int, Int)] {
        let a = a.map(comparable)
        let b = b.map(comparable)
        guard !a.isEmpty, !b.isEmpty else { return [] }
        // The usual case, a script as generated: the walk below would pair each line with itself.
        if a == b { return a.indices.map { ($0, $0) } }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var pairs: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                pairs.append((i, j))
                i += 1
                j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return pairs
    }

    /// How a file's script relates to the generated one: generated lines missing from the file (drift), and the
    /// file's lines the generator does not produce (the user's own).
    struct Comparison: Equatable {
        var missing: [String]
        var extra: [String]
    }

    static func compare(generated: [String], file: [String]) -> Comparison {
        let pairs = commonSubsequence(generated, file)
        let matchedGenerated = Set(pairs.map(\.0))
        let matchedFile = Set(pairs.map(\.1))
        return Comparison(
            missing: generated.indices.filter { !matchedGenerated.contains($0) }.map { generated[$0] },
            extra: file.indices.filter { !matchedFile.contains($0) && !comparable(file[$0]).isEmpty }.map { file[$0] })
    }

    /// The outcome of merging a file's script with the newly generated one.
    struct Merge: Equatable {
        var lines: [String]
        /// The user's lines carried over.
        var kept: [String]
        /// File lines taken as an older version of a generated line and replaced by the spec's.
        var replaced: [String]
    }

    /// Aligns the file's lines with the new generated lines. Between two aligned lines, a file line that the new
    /// script does not have is the user's (kept in place) unless the new script has lines in the same gap and one
    /// of them is a close edit of it (similarity ≥ 0.6), which marks it as the older generated version (replaced).
    static func merge(generated: [String], file: [String]) -> Merge {
        let anchors = commonSubsequence(generated, file) + [(generated.count, file.count)]
        var result = Merge(lines: [], kept: [], replaced: [])
        var previous = (-1, -1)
        for anchor in anchors {
            let newGap = Array(generated[(previous.0 + 1)..<anchor.0])
            let fileGap = Array(file[(previous.1 + 1)..<anchor.1])
            var userLines: [String] = []
            for line in fileGap {
                let isOldVersion = newGap.contains { similarity(comparable($0), comparable(line)) >= 0.6 }
                if isOldVersion { result.replaced.append(line) } else { userLines.append(line) }
            }
            result.kept += userLines.filter { !comparable($0).isEmpty }
            // A user's lines before the first aligned line stay before the generated ones; elsewhere after.
            result.lines += previous.0 < 0 && anchor.0 < generated.count ? userLines + newGap : newGap + userLines
            if anchor.0 < generated.count { result.lines.append(generated[anchor.0]) }
            previous = anchor
        }
        return result
    }

    /// 2·LCS / (|a| + |b|) over characters; 1 for equal strings.
    static func similarity(_ a: String, _ b: String) -> Double {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = Array(repeating: 0, count: b.count + 1)
        for x in a {
            var row = Array(repeating: 0, count: b.count + 1)
            for (j, y) in b.enumerated() { row[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], row[j]) }
            previous = row
        }
        return 2 * Double(previous[b.count]) / Double(a.count + b.count)
    }
}
