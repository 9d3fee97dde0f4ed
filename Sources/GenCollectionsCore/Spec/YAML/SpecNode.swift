/// A node of a spec's YAML tree, as `SpecComposer` builds it from libyaml's events. Each case holds one object, so
/// passing a node around costs one reference count. An alias is its anchor's node itself, shared, so the tree holds
/// no alias nodes.
enum SpecNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// Where a node starts: line and column from 1, columns counted in Unicode scalars (as libyaml does).
    struct Mark {
        let line: Int
        let column: Int
    }

    final class Scalar {
        let string: String
        /// Written without quotes or a block indicator: the only scalars whose type is read from their text.
        let isPlain: Bool
        /// The tag as written (`tag:yaml.org,2002:int` for `!!int`, `!`), `tag:yaml.org,2002:str` for a quoted
        /// scalar without one, and empty for a plain one without one (as Yams gives them).
        let tag: String
        let mark: Mark

        init(_ string: String, isPlain: Bool, tag: String, mark: Mark) {
            self.string = string
            self.isPlain = isPlain
            self.tag = tag
            self.mark = mark
        }
    }

    final class Mapping: RandomAccessCollection {
        let pairs: [(key: SpecNode, value: SpecNode)]
        let mark: Mark

        init(_ pairs: [(key: SpecNode, value: SpecNode)], mark: Mark) {
            self.pairs = pairs
            self.mark = mark
        }

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: SpecNode, value: SpecNode) { pairs[position] }
    }

    final class Sequence: RandomAccessCollection {
        let items: [SpecNode]
        let mark: Mark

        init(_ items: [SpecNode], mark: Mark) {
            self.items = items
            self.mark = mark
        }

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> SpecNode { items[position] }
    }

    var mark: Mark {
        switch self {
        case let .scalar(scalar): return scalar.mark
        case let .mapping(mapping): return mapping.mark
        case let .sequence(sequence): return sequence.mark
        }
    }

    /// The scalar's text; nil for a mapping or a sequence.
    var string: String? {
        guard case let .scalar(scalar) = self else { return nil }
        return scalar.string
    }
}
