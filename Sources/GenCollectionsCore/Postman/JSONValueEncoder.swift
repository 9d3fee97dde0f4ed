import GenCollectionsBase
import Foundation

/// Encodes a model and writes it byte for byte as `JSONEncoder` with `PostmanJSON`'s settings would (the layout
/// of `JSONValue.postmanData()`), at a fraction of its cost (a fifth of a large generate went to `JSONEncoder`).
///
/// Models hold strings, integers, booleans, optionals, arrays and nested models; any other leaf type (a
/// floating-point number, a date, data) throws `Unsupported`, and `PostmanJSON.encode` falls back to `JSONEncoder`.
struct JSONValueEncoder {
    /// A leaf type this encoder does not write the way `JSONEncoder` does.
    struct Unsupported: Error {}

    /// The model's bytes as `PostmanJSON.encode` writes them, with no tree of the whole document (the collection
    /// of a large spec is tens of megabytes): each value is written out as soon as it is encoded.
    static func postmanData<Value: Encodable>(_ value: Value) throws -> Data {
        var out = try bytes(value)
        out.append(0x0A)
        return Data(out)
    }

    private static func bytes<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let root = Slot(depth: 0)
        try value.encode(to: SlotEncoder(slot: root, codingPath: []))
        var out: [UInt8] = []
        root.write(to: &out)
        return out
    }

    /// One value under construction: containers fill it in place, as `Encoder` hands them out; once its
    /// `encode(to:)` has returned it is written out and its children dropped (`compact`).
    final class Slot {
        enum Kind { case empty, leaf, object, array }
        /// The nesting level, for indentation.
        let depth: Int
        var kind = Kind.empty
        var leaf = JSONValue.null
        var members: [(key: String, slot: Slot)] = []
        var items: [Slot] = []
        /// The value's bytes once compacted.
        var written: [UInt8]?

        init(depth: Int) { self.depth = depth }

        func child() -> Slot { Slot(depth: depth + 1) }

        func write(to out: inout [UInt8]) {
            if let written { return out.append(contentsOf: written) }
            switch kind {
            case .empty, .leaf: leaf.write(.canonical, to: &out, depth: depth)
            case .object:
                let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                JSONBytes.writeContainer("{", "}", sorted, depth: depth, to: &out) { member, out in
                    JSONBytes.writeQuoted(member.key, to: &out)
                    out.append(contentsOf: " : ".utf8)
                    member.slot.write(to: &out)
                }
            case .array:
                JSONBytes.writeContainer("[", "]", items, depth: depth, to: &out) { item, out in
                    item.write(to: &out)
                }
            }
        }

        /// Writes the finished value and drops its children. A container handed out by `nestedContainer` may
        /// still be filled after this, so only values whose own `encode(to:)` has returned are compacted.
        func compact() {
            guard written == nil, kind == .object || kind == .array else { return }
            var out: [UInt8] = []
            write(to: &out)
            written = out
            members = []
            items = []
        }

        func set(_ leaf: JSONValue) {
            kind = .leaf
            self.leaf = leaf
        }

        /// The value for a leaf type, or nil when it is not one.
        static func leaf<Value: Encodable>(_ value: Value) throws -> JSONValue? {
            switch value {
            case let text as String: return .string(text)
            case let flag as Bool: return .bool(flag)
            case let number as Int: return .number(String(number))
            case let number as Int32: return .number(String(number))
            case let number as Int64: return .number(String(number))
            case let number as UInt: return .number(String(number))
            case is Double, is Float: throw Unsupported()
            default: return nil
            }
        }

        /// Fills the slot with `value`, a leaf or a model.
        func encode<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws {
            if let leaf = try Slot.leaf(value) {
                set(leaf)
            } else {
                try value.encode(to: SlotEncoder(slot: self, codingPath: codingPath))
                compact()
            }
        }
    }

    struct SlotEncoder: Encoder {
        let slot: Slot
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if slot.kind != .object { slot.kind = .object }
            return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if slot.kind != .array { slot.kind = .array }
            return Unkeyed(slot: slot, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(slot: slot, codingPath: codingPath)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: Slot
        var codingPath: [any CodingKey]

        private func child(_ key: Key) -> Slot {
            let child = slot.child()
            slot.members.append((key.stringValue, child))
            return child
        }

        mutating func encodeNil(forKey key: Key) throws { child(key).set(.null) }
        mutating func encode(_ value: Int, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { child(key).set(.number(String(value))) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { child(key).set(.bool(value)) }
        mutating func encode(_ value: String, forKey key: Key) throws { child(key).set(.string(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw Unsupported() }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw Unsupported() }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try child(key).encode(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            SlotEncoder(slot: child(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            SlotEncoder(slot: child(key), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot, codingPath: codingPath) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            SlotEncoder(slot: child(key), codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]
        var count: Int { slot.items.count }

        private func next() -> Slot {
            let child = slot.child()
            slot.items.append(child)
            return child
        }

        mutating func encodeNil() throws { next().set(.null) }
        mutating func encode(_ value: Int) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: Int8) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: Int16) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: Int32) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: Int64) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: UInt) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: UInt8) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: UInt16) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: UInt32) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: UInt64) throws { next().set(.number(String(value))) }
        mutating func encode(_ value: Bool) throws { next().set(.bool(value)) }
        mutating func encode(_ value: String) throws { next().set(.string(value)) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }

        mutating func encode<T: Encodable>(_ value: T) throws { try next().encode(value, codingPath: codingPath) }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            SlotEncoder(slot: next(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            SlotEncoder(slot: next(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { SlotEncoder(slot: next(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let slot: Slot
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.set(.null) }
        mutating func encode(_ value: Int) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: Int8) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: Int16) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: Int32) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: Int64) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: UInt) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: UInt8) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: UInt16) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: UInt32) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: UInt64) throws { slot.set(.number(String(value))) }
        mutating func encode(_ value: Bool) throws { slot.set(.bool(value)) }
        mutating func encode(_ value: String) throws { slot.set(.string(value)) }
        mutating func encode(_ value: Double) throws { throw Unsupported() }
        mutating func encode(_ value: Float) throws { throw Unsupported() }

        mutating func encode<T: Encodable>(_ value: T) throws { try slot.encode(value, codingPath: codingPath) }
    }
}
