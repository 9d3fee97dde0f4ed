import GenCollectionsBase

/// The key order of a file on disk, learnt per member name, so that `sync` writes a file exported by the Postman app
/// back in the app's order (its `info` first, `name` first in each item) and a review diff shows only what changed.
struct KeyOrder {
    /// For each member name an object sits under (`""` for the root, an array's name for its elements), the keys
    /// of every such object merged into one sequence: a key first seen in an object goes right after the key before
    /// it there, so folders and requests (both under `item`) and URLs with and without a query share one order.
    private var orders: [String: [String]] = [:]
    /// Each key's place in its sequence.
    private var ranks: [String: [String: Int]] = [:]

    /// Learns the order of every object in `file`.
    init(of file: JSONValue) {
        learn(file, under: "")
        ranks = orders.mapValues { Dictionary(uniqueKeysWithValues: $0.enumerated().map { ($1, $0) }) }
    }

    private mutating func learn(_ value: JSONValue, under name: String) {
        switch value {
        case .object(let pairs):
            var order = orders[name, default: []]
            var previous: Int?
            for pair in pairs {
                if let known = order.firstIndex(of: pair.key) {
                    previous = known
                } else {
                    let position = previous.map { $0 + 1 } ?? 0
                    order.insert(pair.key, at: position)
                    previous = position
                }
            }
            orders[name] = order
            for pair in pairs { learn(pair.value, under: pair.key) }
        case .array(let items):
            for item in items { learn(item, under: name) }
        default:
            break
        }
    }

    /// `value` with each object's keys in the learnt order; keys the file never wrote follow, in their order.
    func apply(to value: JSONValue, under name: String = "") -> JSONValue {
        switch value {
        case .object(let pairs):
            let rank = ranks[name] ?? [:]
            let ordered = pairs.enumerated().sorted { lhs, rhs in
                let (left, right) = (rank[lhs.element.key] ?? Int.max, rank[rhs.element.key] ?? Int.max)
                return left != right ? left < right : lhs.offset < rhs.offset
            }
            return .object(
                ordered.map { (key: $0.element.key, value: apply(to: $0.element.value, under: $0.element.key)) })
        case .array(let items):
            return .array(items.map { apply(to: $0, under: name) })
        default:
            return value
        }
    }
}
