import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension PostmanImporter {
    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    /// A request item as a step: method, URL and path variables, headers, auth, body, redirects, the first saved
    /// example, and the scripts (the tool's own tests as expectations and captures, the rest verbatim).
    mutating func step(_ item: JSONValue, at pointer: JSONPointer) -> Spec.Step {
        let rawName = item["name"]?.text ?? ""
        let name = stepNames.claim(rawName.isEmpty ? "Request" : rawName)
        if name != rawName {
            warn(
                "import-renamed", "request \(ItemText.quote(rawName)) is renamed \(ItemText.quote(name))",
                at: pointer / "name", hint: "step names must be unique in a spec (newman --folder selects by name)")
        }
        let requestPointer = pointer / "request"
        let request: JSONValue = item["request"].map { $0.text != nil ? .object([("url", $0)]) : $0 } ?? .object([])
        var method = request["method"]?.text?.uppercased() ?? "GET"
        if !Self.methods.contains(method) {
            warn(
                "import-not-carried", "the method \(ItemText.quote(method)) cannot be written in a spec; GET is used",
                at: requestPointer / "method", hint: "a spec takes \(Self.methods.joined(separator: ", "))")
            method = "GET"
        }
        let (url, pathParams) = self.url(request["url"], at: requestPointer / "url")
        var headers: [Spec.NamedValue] = []
        for (index, header) in (request["header"]?.items ?? []).enumerated() {
            guard let key = header["key"]?.text else { continue }
            if header["disabled"] == .bool(true) {
                warn(
                    "import-not-carried", "the disabled header \(ItemText.quote(key)) is left out",
                    at: requestPointer / "header" / index, hint: "a spec has no disabled headers")
                continue
            }
            let value = header["value"]?.text ?? ""
            uses(value)
            headers.append(Spec.NamedValue(name: key, value: Located(value)))
        }
        let auth = self.auth(request["auth"], at: requestPointer / "auth")
        if case let .basicToken(token)? = auth { uses(token.value) }
        let body = self.body(request["body"], headers: headers, at: requestPointer / "body")
        var followRedirects: Bool?
        if let behavior = item["protocolProfileBehavior"]?.members {
            for (key, value) in behavior {
                if key == "followRedirects", case let .bool(follow) = value {
                    followRedirects = follow
                } else {
                    warn(
                        "import-not-carried", "protocolProfileBehavior \(ItemText.quote(key)) is left out",
                        at: pointer / "protocolProfileBehavior" / key, hint: "a spec has only followRedirects")
                }
            }
        }
        let examples = item["response"]?.items ?? []
        let response = examples.first.flatMap { example(from: $0, at: pointer / "response" / 0) }
        if examples.count > 1 {
            warn(
                "import-not-carried",
                "request \(ItemText.quote(name)) has \(examples.count) saved examples; the spec keeps the first",
                at: pointer / "response" / 1, hint: "the others stay in the collection file, as the user's own")
        }
        var step = Spec.Step(
            name: Located(name), key: stepKeys.claimKey(for: name, fallback: "step"),
            description: ItemText.description(item["description"]) ?? ItemText.description(request["description"]),
            method: method, url: Located(url), pathParams: pathParams, headers: headers, auth: auth, body: body,
            followRedirects: followRedirects, response: response)
        let scripts = self.scripts(of: item, at: pointer)
        step = scriptKnowledge.recognise(scripts, in: step, requestObject: &requestObject)
        for capture in step.captures { captured.insert(capture.variable.value) }
        if let consent = step.consent {
            captured.insert(consent.saveAs)
            captured.insert(consent.codeVariable)
            [consent.authorizeEndpoint, consent.clientId, consent.redirectUri, consent.intentId, consent.audience]
                .forEach { uses($0.value) }
        }
        for check in step.expect.json + step.expect.headers {
            switch check.check {
            case let .equals(value): value.strings.forEach { uses($0) }
            case let .oneOf(values): values.flatMap(\.strings).forEach { uses($0) }
            case .present, .absent: break
            }
        }
        if let response, !examplePasses(response, step) {
            step.response = nil
            warn(
                "import-not-carried", "the saved example of \(ItemText.quote(name)) fails the step's own tests",
                at: pointer / "response" / 0, hint: "left out of the spec; it stays in the collection file")
        }
        return step
    }

    /// The URL as one string (the query stays in it, as Postman's `raw`), and the path variables' values.
    mutating func url(_ value: JSONValue?, at pointer: JSONPointer) -> (String, [Spec.NamedValue]) {
        let raw = value.map { Postman.URL(json: $0).text } ?? ""
        uses(raw)
        if raw.hasPrefix("{{"), let close = raw.range(of: "}}") {
            urlStarts.insert(String(raw[raw.index(raw.startIndex, offsetBy: 2)..<close.lowerBound]))
        }
        if URLParts(raw).raw != raw {
            warn(
                "import-url-changed",
                "the URL \(ItemText.quote(raw)) is written as \(ItemText.quote(URLParts(raw).raw))",
                at: pointer, hint: "query parameters without '=' or empty ones are normalised as Postman shows them")
        }
        for (index, query) in (value?["query"]?.items ?? []).enumerated() where query["disabled"] == .bool(true) {
            warn(
                "import-not-carried",
                "the disabled query parameter \(ItemText.quote(query["key"]?.text ?? "")) is left out",
                at: pointer / "query" / index, hint: "a spec has no disabled query parameters")
        }
        let segments = URLParts(raw).pathVariables
        var params: [Spec.NamedValue] = []
        for (index, variable) in (value?["variable"]?.items ?? []).enumerated() {
            let key = variable["key"]?.text ?? variable["id"]?.text ?? ""
            guard segments.contains(key) else {
                warn(
                    "import-not-carried", "path variable \(ItemText.quote(key)) has no ':\(key)' segment in the URL",
                    at: pointer / "variable" / index, hint: "left out: a spec's params must match the URL")
                continue
            }
            let text = variable["value"]?.text ?? ""
            uses(text)
            params.append(Spec.NamedValue(name: key, value: Located(text)))
        }
        for segment in segments where !params.contains(where: { $0.name == segment }) {
            params.append(Spec.NamedValue(name: segment, value: Located("")))
        }
        return (raw, params)
    }

    /// A saved example: status, headers and body (JSON when it parses as JSON and is marked so).
    mutating func example(from value: JSONValue, at pointer: JSONPointer) -> Spec.ResponseExample? {
        guard case let .number(codeText)? = value["code"], let code = Int(codeText), (100...599).contains(code) else {
            warn(
                "import-not-carried", "a saved example without a status code is left out", at: pointer,
                hint: "a spec's response example needs a status")
            return nil
        }
        let headers = (value["header"]?.items ?? []).compactMap { header -> Spec.NamedValue? in
            guard let key = header["key"]?.text else { return nil }
            return Spec.NamedValue(name: key, value: Located(header["value"]?.text ?? ""))
        }
        let text = value["body"]?.text ?? ""
        var body: Spec.ResponseExample.Body?
        if !text.isEmpty {
            let json =
                value["_postman_previewlanguage"]?.text == "json" ? try? JSONValue(json: Data(text.utf8)) : nil
            body = json.map(Spec.ResponseExample.Body.json) ?? .text(text)
        }
        return Spec.ResponseExample(status: code, headers: headers, body: body)
    }

    /// Whether the example passes the step's recognised tests, as loading the spec will require.
    func examplePasses(_ example: Spec.ResponseExample, _ step: Spec.Step) -> Bool {
        if !step.expect.status.isEmpty && !step.expect.status.contains(example.status) { return false }
        guard !step.expect.json.isEmpty || !step.captures.isEmpty else { return true }
        let probe = Spec(name: Located("probe"), flows: [Spec.Flow(name: Located("probe"), steps: [step])])
        do {
            _ = try SpecLoader.load(SpecWriter.write(probe), file: "probe.yaml")
            return true
        } catch let error as DiagnosticsError {
            return !error.diagnostics.contains { $0.id == "spec-example-mismatch" }
        } catch {
            return true
        }
    }
}
