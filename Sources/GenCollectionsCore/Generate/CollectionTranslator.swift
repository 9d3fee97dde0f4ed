import Foundation
import GenCollectionsBase

/// Spec → Postman collection v2.1.0: flows become folders in order, steps become requests whose test scripts
/// assert the expectations and save captures into the environment.
struct CollectionTranslator {
    let spec: Spec
    let includeUnsupported: Bool

    func translate() -> Postman.Collection {
        collection(items: spec.includedFlows(includeUnsupported: includeUnsupported).map(folder))
    }

    /// Writes the collection's file (`translate().json` in the canonical layout) to an open file, each folder
    /// made, written and freed in turn: a large spec's collection is never in memory whole.
    func write(toFile descriptor: Int32) -> SystemError? {
        streamed { $0.write(.canonical, toFile: descriptor, streaming: "item", count: $1, element: $2) }
    }

    /// Whether the collection's file is byte for byte `file`: made and compared folder by folder as `write` makes
    /// it, never in memory whole, and no folder is translated after the first that differs.
    func writes(_ file: Data) -> Bool {
        streamed { $0.writes(file, .canonical, streaming: "item", count: $1, element: $2) }
    }

    /// The collection without its folders, their count and how to make each, for the writers that stream them.
    private func streamed<Result>(
        _ body: (_ collection: JSONValue, _ folders: Int, _ folder: (Int) -> JSONValue) -> Result
    ) -> Result {
        let flows = spec.includedFlows(includeUnsupported: includeUnsupported)
        return body(collection(items: []).json, flows.count) { folder(flows[$0]).json }
    }

    private func collection(items: [Postman.Item]) -> Postman.Collection {
        let prerequest = Scripts.generatedVariables(spec.variables) + spec.scripts.prerequestLines
        let test = (spec.bankReason ? Scripts.bankReason : []) + spec.scripts.testLines
        var collection = Postman.Collection(
            info: .init(
                postmanID: id("collection"), name: spec.title, description: spec.description,
                version: spec.apiVersion),
            items: items)
        collection.events = events(prerequest: prerequest, test: test, id: "collection")
        return collection
    }

    /// Ids hash the spec name and stable keys, never display names, so renames keep ids.
    private func id(_ key: String) -> String { PostmanJSON.stableID("\(spec.name.value)/\(key)") }

    /// The pre-request and test events, each only when it has lines; nil when neither has.
    private func events(prerequest: [String], test: [String], id key: String) -> [Postman.Event]? {
        var events: [Postman.Event] = []
        if !prerequest.isEmpty {
            events.append(Postman.Event(listen: "prerequest", id: id("\(key)/prerequest"), lines: prerequest))
        }
        if !test.isEmpty { events.append(Postman.Event(listen: "test", id: id("\(key)/test"), lines: test)) }
        return events.isEmpty ? nil : events
    }

    private func folder(_ flow: Spec.Flow) -> Postman.Item {
        var description = flow.description ?? ""
        if let reason = flow.unsupported {
            description = UnsupportedNote.appending(UnsupportedNote.flowPrefix + reason, to: description)
        }
        // Included flows only lose steps, so a flow of as many steps as in the spec has left none out.
        let original = spec.flows.first { $0.key == flow.key }?.steps ?? []
        var leftOut: [Spec.Step] = []
        if original.count != flow.steps.count {
            let kept = Set(flow.steps.map(\.key))
            leftOut = original.filter { !kept.contains($0.key) }
        }
        if !leftOut.isEmpty {
            let list = leftOut.map { "- \($0.name.value): \($0.unsupported ?? "")" }.joined(separator: "\n")
            description = UnsupportedNote.appending(UnsupportedNote.leftOutHeading + list, to: description)
        }
        var folder = Postman.Item(
            folderID: id("flow/\(flow.key)"), name: flow.name.value, items: flow.steps.map { request($0, in: flow) })
        folder.description = description.isEmpty ? nil : description
        folder.events = events(
            prerequest: flow.scripts.prerequestLines, test: flow.scripts.testLines, id: "flow/\(flow.key)")
        return folder
    }

    private func request(_ step: Spec.Step, in flow: Spec.Flow) -> Postman.Item {
        var headers: [Postman.KeyValue] = []
        let sets = (step.headerSets ?? flow.headerSets).compactMap { name in
            spec.headerSets.first { $0.name.value == name.value }
        }
        for header in sets.flatMap(\.headers) + step.headers {
            headers.removeAll { $0.key?.lowercased() == header.name.lowercased() }
            headers.append(Postman.KeyValue(key: header.name, value: header.value.value))
        }
        var auth: Postman.Auth?
        // The consent check opens the authorisation URL as a browser would: no inherited token. Token requests
        // authenticate the client as `clientAuth` says, in a header or in form fields.
        let (stepAuth, credentialFields) = spec.requestAuth(for: step, in: flow)
        switch stepAuth {
        case let .basic(username, password)?:
            auth = Postman.Auth(
                type: "basic",
                parameters: [
                    Postman.KeyValue(key: "password", value: password.value, type: "string"),
                    Postman.KeyValue(key: "username", value: username.value, type: "string"),
                ])
        case let .basicToken(token)?:
            auth = Postman.Auth(type: "noauth")
            headers.append(Postman.KeyValue(key: "Authorization", value: "Basic \(token.value)"))
        case let .bearer(token)?:
            auth = Postman.Auth(
                type: "bearer", parameters: [Postman.KeyValue(key: "token", value: token.value, type: "string")])
        case .none?, .client?:
            auth = Postman.Auth(type: "noauth")
        case nil:
            auth = nil
        }
        let body = requestBody(Self.adding(credentialFields, to: step.body), headers: &headers)
        var prerequest = step.consent.map { Scripts.consent($0, requestObject: spec.requestObject) } ?? []
        if !step.prerequestScript.isEmpty { prerequest += ["// From the spec."] + step.prerequestScript }
        let tests = (step.consent.map(Scripts.consentCheck) ?? []) + Scripts.tests(for: step)
        let events = events(
            prerequest: prerequest + step.scripts.prerequestLines, test: tests + step.scripts.testLines,
            id: "step/\(step.key)")
        var description = step.description ?? ""
        if let consent = step.consent, case .ps256 = spec.requestObject.signing {
            description +=
                (description.isEmpty ? "" : "\n\n") + "The bank takes PS256-signed request objects only, which Newman "
                + "cannot sign: this step saves the signing input in \(consent.saveAs)SigningInput and the URL without "
                + "its request in \(consent.saveAs)WithoutRequest, and skips its request; run-newman.sh signs the object "
                + "and sets \(consent.saveAs)."
        }
        if let reason = step.unsupported {
            description += (description.isEmpty ? "" : "\n\n") + "Not supported by this bank: \(reason)"
        }
        var request = Postman.Request(method: step.method, url: url(step), header: headers)
        request.body = body
        request.auth = auth
        var item = Postman.Item(requestID: id("step/\(step.key)"), name: step.name.value, request: request)
        item.description = description.isEmpty ? nil : description
        item.events = events
        item.protocolProfileBehavior = step.followRedirects.map { .object([("followRedirects", .bool($0))]) }
        item.responses = step.response.map { [savedExample($0, of: step, request: request)] }
        return item
    }

    /// The spec's example as a Postman saved example of the request.
    private func savedExample(
        _ example: Spec.ResponseExample, of step: Spec.Step, request: Postman.Request
    ) -> Postman.Response {
        var headers = example.headers.map { Postman.KeyValue(key: $0.name, value: $0.value.value) }
        let body: String
        let language: String
        switch example.body {
        case let .json(value)?: (body, language) = (value.rendered(), "json")
        case let .text(text)?: (body, language) = (text, "text")
        case nil: (body, language) = ("", "text")
        }
        if example.body != nil, !headers.contains(where: { $0.key?.lowercased() == "content-type" }) {
            headers.append(
                Postman.KeyValue(
                    key: "Content-Type", value: language == "json" ? "application/json" : "text/plain"))
        }
        return Postman.Response(
            id: id("step/\(step.key)/example"), name: "\(example.status) \(HTTPStatusText.reason(example.status))",
            originalRequest: request, code: example.status, status: HTTPStatusText.reason(example.status),
            previewLanguage: language, header: headers, body: body)
    }

    private func requestBody(_ body: Spec.Body?, headers: inout [Postman.KeyValue]) -> Postman.Body? {
        func setContentType(_ value: String) {
            if !headers.contains(where: { $0.key?.lowercased() == "content-type" }) {
                headers.append(Postman.KeyValue(key: "Content-Type", value: value))
            }
        }
        switch body {
        case let .json(value)?:
            setContentType("application/json")
            return Postman.Body(raw: value.value.rendered(), language: "json")
        case let .form(fields)?:
            setContentType("application/x-www-form-urlencoded")
            return Postman.Body(urlencoded: fields.map { Postman.KeyValue(key: $0.name, value: $0.value.value) })
        case let .raw(text, contentType)?:
            setContentType(contentType)
            let language = contentType.contains("json") ? "json" : contentType.contains("xml") ? "xml" : "text"
            return Postman.Body(raw: text.value, language: language)
        case nil:
            return nil
        }
    }

    /// The form body with the client credentials appended, unless the step sets a field of the same name.
    private static func adding(_ fields: [Spec.NamedValue], to body: Spec.Body?) -> Spec.Body? {
        guard !fields.isEmpty else { return body }
        guard case let .form(own)? = body else { return body ?? .form(fields) }
        return .form(own + fields.filter { field in !own.contains { $0.name == field.name } })
    }

    private func url(_ step: Spec.Step) -> Postman.URL {
        var parts = URLParts(step.url.value)
        parts.query += step.query.map { ($0.name, $0.value.value) }
        return Postman.URL(
            raw: parts.raw, protocol: parts.scheme, host: parts.host, port: parts.port, path: parts.path,
            query: parts.query.map { Postman.KeyValue(key: $0.key, value: $0.value) }, hash: parts.hash,
            variables: step.pathParams.map { Postman.KeyValue(key: $0.name, value: $0.value.value) })
    }
}
