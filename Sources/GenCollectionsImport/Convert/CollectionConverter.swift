import Foundation
import GenCollectionsBase

/// `convert`: a Postman collection between formats v2.1.0 and v2.0.0.
///
/// The two schemas differ only in the layout of auth parameters (v2.1 lists `[{key, value, type}]`, v2.0
/// objects `{key: value}`); URLs may be strings or objects in both, so they are kept as they are. Everything else
/// is carried over unchanged, in its order (`--style postman`) or with keys sorted as this tool writes
/// (`--style canonical`). What v2.0 cannot hold (an auth parameter's `type`, a key given twice) is a warning.
public enum CollectionConverter {
    public typealias Format = Postman.Collection.Format

    /// The `JSONLayout` to write: the input's key order as the app writes it, or the generator's.
    public enum Style: String, Sendable, CaseIterable {
        /// Keys in the order of the input, `JSON.stringify(…, null, "\t")` as the Postman app exports; a final
        /// newline only when the input had one, so an app export converts to itself byte for byte.
        case postman
        /// Keys sorted, two-space indent, `"key" : value`, as `generate` writes.
        case canonical
    }

    public struct Result: Sendable {
        public var data: Data
        public var diagnostics: [Diagnostic]
    }

    /// The auth types both official schemas accept; Newman also runs `jwt` and `asap`.
    static let schemaAuthTypes: Set<String> = [
        "apikey", "awsv4", "basic", "bearer", "digest", "edgegrid", "hawk", "noauth", "oauth1", "oauth2", "ntlm",
    ]

    /// - Throws: `DiagnosticsError` when the file is not JSON or not a collection.
    public static func convert(_ bytes: Data, file: String, to format: Format, style: Style = .postman) throws -> Result
    {
        let document = try SourceDocument(file: file, bytes: bytes)
        guard Postman.Collection(json: document.value).isCollection else {
            throw DiagnosticsError([
                .error(
                    "convert-not-a-collection", "this is not a Postman collection (no 'info' and 'item')",
                    at: document.location(.root), hint: "name a Postman collection v2.1 or v2.0 file")
            ])
        }
        var converter = Walker(document: document, format: format)
        let value = converter.convert(document.value, at: .root, key: nil)
        let data =
            style == .postman
            ? value.data(.postman, finalNewline: bytes.last == 0x0A) : value.data(.canonical)
        return Result(data: data, diagnostics: converter.diagnostics)
    }

    static func sortedKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .object(pairs):
            return .object(pairs.map { ($0.key, sortedKeys($0.value)) }.sorted { $0.key < $1.key })
        case let .array(items): return .array(items.map(sortedKeys))
        default: return value
        }
    }

    /// The walk: `info.schema` set, every auth object re-laid.
    struct Walker {
        let document: SourceDocument
        let format: Format
        var diagnostics: [Diagnostic] = []

        mutating func convert(_ value: JSONValue, at pointer: JSONPointer, key: String?) -> JSONValue {
            switch value {
            case let .object(pairs):
                if key == "auth", value["type"]?.text != nil { return auth(pairs, at: pointer) }
                return .object(
                    pairs.map { member in
                        if pointer == .root / "info", member.key == "schema" {
                            return (member.key, .string(format.schemaURL))
                        }
                        return (member.key, convert(member.value, at: pointer / member.key, key: member.key))
                    })
            case let .array(items):
                return .array(items.enumerated().map { convert($1, at: pointer / $0, key: nil) })
            default:
                return value
            }
        }

        mutating func auth(_ pairs: [(key: String, value: JSONValue)], at pointer: JSONPointer) -> JSONValue {
            let type = pairs.first { $0.key == "type" }?.value.text ?? ""
            if !CollectionConverter.schemaAuthTypes.contains(type) {
                diagnostics.append(
                    .warning(
                        "convert-auth-type", "\(ItemText.quote(type)) auth is not in the official schemas' list",
                        at: document.location(pointer / "type"),
                        hint: "kept: Newman runs it, but schema validators reject the file"))
            }
            return .object(
                pairs.map { member in
                    guard member.key != "type" else { return member }
                    switch (format, member.value) {
                    case (.v20, .array(let entries)): return (member.key, object(entries, at: pointer / member.key))
                    case (.v21, .object(let fields)): return (member.key, list(fields))
                    default: return member
                    }
                })
        }

        /// v2.1 → v2.0: `[{key, value, type}]` → `{key: value}`.
        mutating func object(_ entries: [JSONValue], at pointer: JSONPointer) -> JSONValue {
            var fields: [(key: String, value: JSONValue)] = []
            for (index, entry) in entries.enumerated() {
                guard let key = entry["key"]?.text else {
                    diagnostics.append(
                        .warning(
                            "convert-not-carried", "an auth parameter without a key is left out",
                            at: document.location(pointer / index), hint: "v2.0 keeps auth parameters by key"))
                    continue
                }
                let value = entry["value"] ?? .null
                if let type = entry["type"]?.text, type != Self.type(of: value) {
                    diagnostics.append(
                        .warning(
                            "convert-not-carried",
                            "the type \(ItemText.quote(type)) of auth parameter \(ItemText.quote(key)) is left out",
                            at: document.location(pointer / index / "type"),
                            hint:
                                "v2.0 auth parameters have no type; converting back types it \(ItemText.quote(Self.type(of: value)))"
                        ))
                }
                for member in entry.members ?? [] where !["key", "value", "type"].contains(member.key) {
                    diagnostics.append(
                        .warning(
                            "convert-not-carried",
                            "\(ItemText.quote(member.key)) of auth parameter \(ItemText.quote(key)) is left out",
                            at: document.location(pointer / index / member.key),
                            hint: "v2.0 auth parameters are plain values"))
                }
                if let earlier = fields.firstIndex(where: { $0.key == key }) {
                    diagnostics.append(
                        .warning(
                            "convert-not-carried",
                            "auth parameter \(ItemText.quote(key)) is given twice; the last is kept",
                            at: document.location(pointer / index), hint: "v2.0 auth parameters are keyed by name"))
                    fields.remove(at: earlier)
                }
                fields.append((key, value))
            }
            return .object(fields)
        }

        /// v2.0 → v2.1: `{key: value}` → `[{key, value, type}]`, typed as the Postman app types them.
        func list(_ fields: [(key: String, value: JSONValue)]) -> JSONValue {
            .array(
                fields.map { field in
                    .object([
                        ("key", .string(field.key)), ("value", field.value),
                        ("type", .string(Self.type(of: field.value))),
                    ])
                })
        }

        /// The attribute type the Postman app writes for a value.
        static func type(of value: JSONValue) -> String {
            switch value {
            case .string: return "string"
            case .bool: return "boolean"
            case .number: return "number"
            default: return "any"
            }
        }
    }
}
