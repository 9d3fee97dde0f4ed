import Foundation
import GenCollectionsBase
import GenCollectionsCore
import OpenAPIKit

/// The walk over a resolved document: servers → hosts, tags → flows, endpoints → steps.
struct OpenAPIImporter {
    let document: OpenAPI.Document
    let resolved: OpenAPIKit.ResolvedDocument
    let file: String
    var diagnostics: [Diagnostic] = []
    var hosts: [Spec.Host] = []
    var variables: [Spec.Variable] = []
    var fapiHeaders: [Spec.NamedValue] = []
    var tokenSteps: [Spec.Step] = []
    var stepNames = UniqueNames()
    var stepKeys = UniqueNames()

    init(document: OpenAPI.Document, resolved: OpenAPIKit.ResolvedDocument, file: String) {
        self.document = document
        self.resolved = resolved
        self.file = file
    }

    mutating func warn(_ id: String, _ message: String, hint: String? = nil) {
        diagnostics.append(.warning(id, message, at: SourceLocation(file: file), hint: hint))
    }

    mutating func declare(_ variable: Spec.Variable) {
        guard !variables.contains(where: { $0.name.value == variable.name.value }),
            !hosts.contains(where: { $0.name.value == variable.name.value })
        else { return }
        variables.append(variable)
    }

    mutating func run() -> Spec {
        let title = document.info.title
        var flowOrder: [String] = document.tags?.map(\.name) ?? []
        var stepsByTag: [String: [Spec.Step]] = [:]
        for endpoint in resolved.endpoints {
            let tag = endpoint.tags.first ?? "Other"
            if !flowOrder.contains(tag) { flowOrder.append(tag) }
            stepsByTag[tag, default: []].append(step(endpoint))
        }
        var flowKeys = UniqueNames()
        var flows: [Spec.Flow] = []
        if !tokenSteps.isEmpty {
            flows.append(
                Spec.Flow(
                    name: Located("Tokens"), key: flowKeys.claimKey(for: "Tokens", fallback: "tokens"),
                    description: "Access tokens for the security schemes of the document.", headerSets: [],
                    steps: tokenSteps))
        }
        for tag in flowOrder {
            guard let steps = stepsByTag[tag], !steps.isEmpty else { continue }
            let description = document.tags?.first { $0.name == tag }?.description
            flows.append(
                Spec.Flow(
                    name: Located(tag), key: flowKeys.claimKey(for: tag, fallback: "flow"), description: description,
                    steps: steps))
        }
        let name = Spec.defaultKey(for: title)
        return Spec(
            name: Located(name.isEmpty ? "imported-api" : name), title: title,
            description: document.info.description, apiVersion: document.info.version, hosts: hosts,
            variables: variables,
            headerSets: fapiHeaders.isEmpty ? [] : [Spec.HeaderSet(name: Located("fapi"), headers: fapiHeaders)],
            flows: flows)
    }

    // MARK: - Operations

    mutating func step(_ endpoint: ResolvedEndpoint) -> Spec.Step {
        let method = endpoint.method.rawValue.uppercased()
        let pathText = endpoint.path.rawValue
        // Summaries repeat (OBIE's "Get Accounts" is both /accounts and /accounts/{AccountId}): the second
        // takes its operationId.
        var rawName = endpoint.endpointSummary ?? endpoint.operationId ?? "\(method) \(pathText)"
        if stepNames.isTaken(rawName), let operationId = endpoint.operationId { rawName = operationId }
        let name = stepNames.claim(rawName)
        let key = stepKeys.claimKey(for: Self.words(endpoint.operationId ?? name), fallback: "operation")
        let host = self.host(for: endpoint.servers)
        // `{AccountId}` → `:AccountId`, a Postman path variable with its own environment variable.
        let segments = endpoint.path.components.map { component -> String in
            guard component.hasPrefix("{"), component.hasSuffix("}") else { return component }
            return ":" + component.dropFirst().dropLast()
        }
        let url = "{{\(host)}}/" + segments.joined(separator: "/")
        var pathParams: [Spec.NamedValue] = []
        var query: [Spec.NamedValue] = []
        var headers: [Spec.NamedValue] = []
        var usesFAPI = false
        for parameter in endpoint.parameters {
            let parameterName = parameter.name
            switch parameter.location {
            case .path:
                let variable = Self.variableName(parameterName)
                declare(Spec.Variable(name: Located(variable), value: explicitExample(parameter)))
                pathParams.append(Spec.NamedValue(name: parameterName, value: Located("{{\(variable)}}")))
            case .query where parameter.required:
                query.append(Spec.NamedValue(name: parameterName, value: Located(exampleText(parameter) ?? "")))
            case .header:
                let lower = parameterName.lowercased()
                if lower == "authorization" { continue }
                if lower.hasPrefix("x-fapi-") {
                    if fapiHeader(parameterName, required: parameter.required) { usesFAPI = true }
                } else if parameter.required || lower == "x-idempotency-key" {
                    let variable = Self.variableName(parameterName)
                    if lower == "x-idempotency-key" {
                        declare(Spec.Variable(name: Located(variable), generate: .uuid))
                    } else {
                        declare(Spec.Variable(name: Located(variable), value: exampleText(parameter)))
                    }
                    headers.append(Spec.NamedValue(name: parameterName, value: Located("{{\(variable)}}")))
                }
            default:
                continue
            }
        }
        let body = self.body(endpoint.requestBody, headers: &headers, operation: name)
        let auth = self.auth(endpoint.security, operation: name, headers: &headers, query: &query)
        return Spec.Step(
            name: Located(name), key: key, description: endpoint.endpointDescription, method: method,
            url: Located(url), pathParams: pathParams, query: query, headerSets: usesFAPI ? [Located("fapi")] : [],
            headers: headers, auth: auth, body: body, expect: expectations(endpoint.responses))
    }

    /// The host variable for an endpoint's first server, declared once per server URL.
    mutating func host(for servers: [OpenAPI.Server]) -> String {
        var url = servers.first?.urlTemplate.rawValue ?? ""
        for (name, variable) in servers.first?.variables ?? [:] {
            url = url.replacingOccurrences(of: "{\(name)}", with: variable.default)
        }
        if url.hasSuffix("/") { url.removeLast() }
        if !url.contains("://") {
            let relative = url
            url = "https://bank.example" + url
            if let found = hosts.first(where: { $0.url.value == url }) { return found.name.value }
            warn(
                "import-relative-server",
                "the server URL \(ItemText.quote(relative.isEmpty ? "/" : relative)) is relative",
                hint: "its host's url is \(url): set it to the bank's address")
        }
        if let found = hosts.first(where: { $0.url.value == url }) { return found.name.value }
        let name = hosts.isEmpty ? "host" : "host\(hosts.count + 1)"
        hosts.append(Spec.Host(name: Located(name), url: Located(url), description: servers.first?.description))
        return name
    }

    /// Adds a FAPI header to the set; false when it is one the set leaves out (optional and not well known).
    mutating func fapiHeader(_ name: String, required: Bool) -> Bool {
        let lower = name.lowercased()
        if fapiHeaders.contains(where: { $0.name.lowercased() == lower }) { return true }
        let variable: Spec.Variable
        switch lower {
        case "x-fapi-interaction-id": variable = Spec.Variable(name: Located("interactionId"), generate: .uuid)
        case "x-fapi-auth-date": variable = Spec.Variable(name: Located("fapiAuthDate"), generate: .httpDate)
        case "x-fapi-financial-id": variable = Spec.Variable(name: Located("financialId"), description: name)
        default:
            guard required else { return !fapiHeaders.isEmpty }
            variable = Spec.Variable(name: Located(Self.variableName(String(name.dropFirst(7)))), description: name)
        }
        declare(variable)
        fapiHeaders.append(Spec.NamedValue(name: name, value: Located("{{\(variable.name.value)}}")))
        return true
    }

    /// A parameter's own example (or its schema's) as text; nil when the document gives none.
    func explicitExample(_ parameter: DereferencedParameter) -> String? {
        var value: JSONValue?
        if case let .a(context) = parameter.schemaOrContent, let example = context.example {
            value = SchemaInstance.json(example)
        }
        if value == nil, let example = parameter.schemaOrContent.schemaValue?.examples.first {
            value = SchemaInstance.json(example)
        }
        return value.map { $0.text ?? $0.rendered(indent: nil) }
    }

    /// `CreateAccountAccessConsents` → `Create Account Access Consents`, for keys in kebab case.
    static func words(_ text: String) -> String {
        var out = ""
        var previous: Character?
        for character in text {
            if let previous, character.isUppercase, previous.isLowercase || previous.isNumber { out.append(" ") }
            out.append(character)
            previous = character
        }
        return out
    }

    /// A parameter's example as text: its example, else its schema's smallest instance.
    func exampleText(_ parameter: DereferencedParameter) -> String? {
        var value: JSONValue?
        if case let .a(context) = parameter.schemaOrContent, let example = context.example {
            value = SchemaInstance.json(example)
        }
        if value == nil, let schema = parameter.schemaOrContent.schemaValue { value = SchemaInstance.value(schema) }
        switch value {
        case let .string(text)?: return text
        case let value?: return value.rendered(indent: nil)
        case nil: return nil
        }
    }

    /// `x-fapi-customer-ip-address` → `customerIpAddress`; `AccountId` → `AccountId`.
    static func variableName(_ name: String) -> String {
        let words = name.split { !$0.isLetter && !$0.isNumber }
        guard words.count > 1 else { return String(words.first ?? "value") }
        var first = true
        return words.map { word -> String in
            defer { first = false }
            return first ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }.joined()
    }
}

extension Either where A == DereferencedSchemaContext, B == DereferencedContent.Map {
    /// The parameter's schema, from `schema` or its first `content` entry.
    var schemaValue: DereferencedJSONSchema? {
        switch self {
        case let .a(context): return context.schema
        case let .b(content): return content.first?.value.schema
        }
    }
}
