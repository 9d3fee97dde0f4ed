import Foundation
import GenCollectionsBase
import OpenAPIKit

/// The smallest valid instance of a schema, the same on every run: its example, else its first enum value, else
/// its default, else a value of its type: required properties only, `minItems` items, strings in their format
/// and at least `minLength` long, numbers at their minimum.
enum SchemaInstance {
    static func value(_ schema: DereferencedJSONSchema, depth: Int = 0) -> JSONValue {
        guard depth < 24 else { return .null }
        if let example = schema.examples.first, let value = json(example) { return value }
        if let first = schema.allowedValues?.first, let value = json(first) { return value }
        if let value = schema.defaultValue.flatMap(json) { return value }
        switch schema {
        case .null: return .null
        case .boolean: return .bool(false)
        case let .integer(_, context):
            return .number(String(context.minimum.map { $0.exclusive ? $0.value + 1 : $0.value } ?? 1))
        case let .number(_, context):
            let minimum = context.minimum.map { $0.exclusive ? $0.value + 1 : $0.value } ?? 1
            return .number(minimum == minimum.rounded() ? String(Int(minimum)) : String(minimum))
        case let .string(core, context):
            return .string(
                string(format: core.formatString, minLength: context.minLength, maxLength: context.maxLength))
        case let .object(_, context):
            let required = Set(context.requiredProperties)
            return .object(
                context.properties.filter { required.contains($0.key) }.map {
                    ($0.key, value($0.value, depth: depth + 1))
                })
        case let .array(_, context):
            let item = context.items.map { value($0, depth: depth + 1) } ?? .string("string")
            return .array(Array(repeating: item, count: max(context.minItems, 1)))
        case let .all(of: schemas, core: _):
            var members: [(key: String, value: JSONValue)] = []
            for part in schemas {
                guard case let .object(pairs) = value(part, depth: depth + 1) else { continue }
                for pair in pairs where !members.contains(where: { $0.key == pair.key }) { members.append(pair) }
            }
            return .object(members)
        case let .one(of: schemas, core: _), let .any(of: schemas, core: _):
            return schemas.first.map { value($0, depth: depth + 1) } ?? .null
        case .not, .fragment:
            return .string("string")
        }
    }

    /// A string in the format named, at least `minLength` and at most `maxLength` characters.
    static func string(format: String?, minLength: Int, maxLength: Int?) -> String {
        var text: String
        switch format {
        case "date-time": text = "2026-01-01T00:00:00+00:00"
        case "date": text = "2026-01-01"
        case "time": text = "00:00:00"
        case "uuid": text = "00000000-0000-4000-8000-000000000000"
        case "email": text = "psu@example.com"
        case "uri", "url": text = "https://example.com"
        case "ipv4": text = "192.0.2.1"
        case "byte": text = "c3RyaW5n"
        default: text = "string"
        }
        while text.count < minLength { text += "x" }
        if let maxLength, text.count > maxLength { text = String(text.prefix(max(maxLength, minLength))) }
        return text
    }

    /// A value from the document (an example, an enum value) as JSON, keys sorted so the bytes never vary.
    static func json(_ value: AnyCodable) -> JSONValue? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return nil }
        return try? JSONValue(json: data)
    }
}
