import Foundation
import GenCollectionsCore

/// A JSON value read from a server or a token, where key order does not matter (unlike `JSONValue`).
///
/// Decoded with `JSONDecoder`, which keeps `true` and `1` apart, unlike `JSONSerialization` on Linux.
public indirect enum DecodedJSON: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case array([DecodedJSON])
    case object([String: DecodedJSON])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let whole = try? container.decode(Int64.self) {
            self = .integer(whole)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([DecodedJSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: DecodedJSON].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(flag): try container.encode(flag)
        case let .integer(number): try container.encode(number)
        case let .double(number): try container.encode(number)
        case let .string(text): try container.encode(text)
        case let .array(items): try container.encode(items)
        case let .object(members): try container.encode(members)
        }
    }

    /// Parses JSON bytes; nil when they are not JSON.
    public static func parse(_ data: Data) -> DecodedJSON? {
        try? JSONDecoder().decode(DecodedJSON.self, from: data)
    }

    /// The text, when this is a string.
    public var string: String? {
        if case let .string(text) = self { return text }
        return nil
    }

    /// The members, when this is an object.
    public var object: [String: DecodedJSON]? {
        if case let .object(members) = self { return members }
        return nil
    }

    /// The items, when this is an array.
    public var array: [DecodedJSON]? {
        if case let .array(items) = self { return items }
        return nil
    }

    /// The number, when this is a whole number.
    public var integer: Int64? {
        if case let .integer(number) = self { return number }
        return nil
    }

    /// The strings of an array of strings, or nil when this is anything else.
    public var strings: [String]? {
        guard let items = array else { return nil }
        let texts = items.compactMap(\.string)
        return texts.count == items.count ? texts : nil
    }

    /// Compact JSON text, keys sorted, for messages and files.
    public var compactText: String {
        switch self {
        case .null: return "null"
        case let .bool(flag): return flag ? "true" : "false"
        case let .integer(number): return String(number)
        case let .double(number): return String(number)
        case let .string(text): return JSONValue.quoted(text)
        case let .array(items): return "[" + items.map(\.compactText).joined(separator: ",") + "]"
        case let .object(members):
            return "{"
                + members.keys.sorted().map { JSONValue.quoted($0) + ":" + members[$0]!.compactText }
                .joined(separator: ",") + "}"
        }
    }
}
