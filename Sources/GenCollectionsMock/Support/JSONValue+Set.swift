import GenCollectionsBase
import GenCollectionsCore

extension JSONValue {
    /// Replaces the value at an existing `path`; does nothing when the path is not there.
    mutating func set(_ newValue: JSONValue, at path: JSONPath) {
        guard let first = path.segments.first else { return }
        let rest = Array(path.segments.dropFirst())
        func replaced(_ child: JSONValue) -> JSONValue {
            guard !rest.isEmpty else { return newValue }
            var child = child
            var tail = path
            tail.segments = rest
            child.set(newValue, at: tail)
            return child
        }
        switch (first, self) {
        case let (.key(key), .object):
            if let child = self[key] { self[key] = replaced(child) }
        case let (.index(index), .array(items)) where index < items.count:
            var items = items
            items[index] = replaced(items[index])
            self = .array(items)
        default: return
        }
    }
}
