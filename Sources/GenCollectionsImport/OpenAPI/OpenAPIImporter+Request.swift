import Foundation
import GenCollectionsBase
import GenCollectionsCore
import OpenAPIKit

extension OpenAPIImporter {
    /// The request body: JSON from the media type's example or the schema's smallest instance, a form from the
    /// required properties; other media types are warned about.
    mutating func body(
        _ request: DereferencedRequest?, headers: inout [Spec.NamedValue], operation: String
    ) -> Spec.Body? {
        guard let request, !request.content.isEmpty else { return nil }
        let entries = Array(request.content)
        if let (type, content) = entries.first(where: { $0.key.rawValue.lowercased().contains("json") }) {
            var value: JSONValue? = content.example.flatMap(SchemaInstance.json)
            if value == nil, let example = content.examples?.first?.value {
                let data: AnyCodable? = example.dataValue ?? example.legacyValue
                value = data.flatMap(SchemaInstance.json)
            }
            if value == nil, let schema = content.schema { value = SchemaInstance.value(schema) }
            if type.rawValue != "application/json" {
                headers.append(Spec.NamedValue(name: "Content-Type", value: Located(type.rawValue)))
            }
            return .json(Located(value ?? .object([])))
        }
        if let (_, content) = entries.first(where: { $0.key.rawValue.hasPrefix("application/x-www-form-urlencoded") }),
            case let .object(pairs)? = content.schema.map({ SchemaInstance.value($0) })
        {
            return .form(
                pairs.map {
                    Spec.NamedValue(name: $0.key, value: Located($0.value.text ?? $0.value.rendered(indent: nil)))
                })
        }
        let type = entries[0].key.rawValue
        warn(
            "import-not-carried",
            "the \(ItemText.quote(type)) request body of \(ItemText.quote(operation)) is left out",
            hint: "a spec writes json, form and raw bodies; add it as `body: {raw: ..., contentType: \(type)}`")
        return nil
    }

    /// Status codes and the required top-level fields (and their required members) of the first 2xx JSON answer.
    func expectations(_ responses: DereferencedResponse.Map) -> Spec.Expectations {
        var status: [Int] = []
        var json: [Spec.FieldExpectation] = []
        for (code, response) in responses {
            guard let number = Int(code.rawValue), (200..<300).contains(number) else { continue }
            status.append(number)
            guard json.isEmpty,
                let schema = response.content.first(where: { $0.key.rawValue.lowercased().contains("json") })?.value
                    .schema,
                let object = schema.objectContext
            else { continue }
            for field in object.requiredProperties {
                json.append(Spec.FieldExpectation(path: Located(field), check: .present))
                guard let inner = object.properties[field]?.objectContext else { continue }
                for member in inner.requiredProperties where JSONPath("\(field).\(member)") != nil {
                    json.append(Spec.FieldExpectation(path: Located("\(field).\(member)"), check: .present))
                }
            }
        }
        return Spec.Expectations(status: status, json: json)
    }
}
