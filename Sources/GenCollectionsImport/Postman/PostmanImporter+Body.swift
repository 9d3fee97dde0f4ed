import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension PostmanImporter {
    /// A request body as spec body: raw (JSON as `json` when the text is exactly how the generator writes it,
    /// else verbatim), urlencoded as `form`, graphql as its JSON; formdata and file cannot be written in a spec.
    mutating func body(_ value: JSONValue?, headers: [Spec.NamedValue], at pointer: JSONPointer) -> Spec.Body? {
        guard let value, let mode = value["mode"]?.text else { return nil }
        if value["disabled"] == .bool(true) {
            warn(
                "import-not-carried", "the disabled body is left out", at: pointer, hint: "a spec has no disabled body")
            return nil
        }
        let contentType = headers.last { $0.name.lowercased() == "content-type" }?.value.value
        switch mode {
        case "raw":
            let text = value["raw"]?.text ?? ""
            if text.isEmpty { return nil }
            uses(text)
            let language = value["options"]?["raw"]?["language"]?.text ?? "text"
            let type = contentType ?? Self.contentType(language: language)
            if type == "application/json", language == "json",
                let json = try? JSONValue(json: Data(text.utf8)), json.rendered() == text
            {
                return .json(Located(json))
            }
            if Self.language(of: type) != language {
                warn(
                    "import-body-language",
                    "the raw body's language \(ItemText.quote(language)) becomes "
                        + "\(ItemText.quote(Self.language(of: type))), from its Content-Type \(ItemText.quote(type))",
                    at: pointer / "options", hint: "the language only colours Postman's editor")
            }
            return .raw(Located(text), contentType: type)
        case "urlencoded":
            var fields: [Spec.NamedValue] = []
            for (index, field) in (value["urlencoded"]?.items ?? []).enumerated() {
                let key = field["key"]?.text ?? ""
                if field["disabled"] == .bool(true) {
                    warn(
                        "import-not-carried", "the disabled form field \(ItemText.quote(key)) is left out",
                        at: pointer / "urlencoded" / index, hint: "a spec has no disabled form fields")
                    continue
                }
                let text = field["value"]?.text ?? ""
                uses(text)
                fields.append(Spec.NamedValue(name: key, value: Located(text)))
            }
            return .form(fields)
        case "graphql":
            let query = value["graphql"]?["query"]?.text ?? ""
            let variablesText = value["graphql"]?["variables"]?.text ?? ""
            let variables = (try? JSONValue(json: Data(variablesText.utf8))) ?? .object([])
            let json = JSONValue.object([("query", .string(query)), ("variables", variables)])
            json.strings.forEach { uses($0) }
            warn(
                "import-body-mode", "the GraphQL body becomes the JSON body Postman sends for it",
                at: pointer / "mode", hint: "the request is the same; Postman shows it as raw JSON")
            return .json(Located(json))
        default:
            warn(
                "import-not-carried", "the \(ItemText.quote(mode)) body cannot be written in a spec and is left out",
                at: pointer / "mode",
                hint: "a spec has json, form (urlencoded) and raw bodies; send the content as a raw body instead")
            return nil
        }
    }

    /// The Content-Type Postman sends for a raw body's language.
    static func contentType(language: String) -> String {
        switch language {
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "html": return "text/html"
        case "javascript": return "application/javascript"
        default: return "text/plain"
        }
    }

    /// The language the generator writes for a Content-Type (as `CollectionTranslator` does).
    static func language(of contentType: String) -> String {
        contentType.contains("json") ? "json" : contentType.contains("xml") ? "xml" : "text"
    }
}
