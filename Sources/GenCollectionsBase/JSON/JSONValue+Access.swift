/// Reading and editing order-preserving JSON: members, items, text, and members by key.
extension JSONValue {
    /// The members of an object, or nil.
    public var members: [(key: String, value: JSONValue)]? {
        if case .object(let pairs) = self { return pairs }
        return nil
    }

    /// The items of an array, or nil.
    public var items: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text of a string, or nil.
    public var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// An object member; setting nil removes it, setting a new key appends it (so existing order is kept).
    public subscript(key: String) -> JSONValue? {
        get { members?.first { $0.key == key }?.value }
        set {
            guard case .object(var pairs) = self else { return }
            if let position = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[position].value = newValue } else { pairs.remove(at: position) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
            self = .object(pairs)
        }
    }

    /// An object of the members that have a value, in order (as `Encodable` leaves out a nil optional).
    public static func object(omittingNil members: [(key: String, value: JSONValue?)]) -> JSONValue {
        .object(members.compactMap { member in member.value.map { (member.key, $0) } })
    }
}
