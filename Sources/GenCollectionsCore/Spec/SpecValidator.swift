import GenCollectionsBase

/// Checks what decoding cannot: references between parts of the spec, and that every `{{variable}}` is defined
/// before it is used.
enum SpecValidator {
    /// Postman's dynamic variables a spec may use; a fresh value per occurrence.
    static let dynamicVariables: Set<String> = [
        "$guid", "$randomUUID", "$timestamp", "$isoTimestamp", "$randomInt",
        "$randomAlphaNumeric", "$randomBoolean",
    ]

    static func validate(_ spec: Spec) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if spec.name.value.hasPrefix("-") {
            diagnostics.append(
                .error(
                    "spec-invalid-value", "name '\(spec.name.value)' cannot start with '-'", at: spec.name.location,
                    hint: "newman would read the file '\(spec.name.value).postman_collection.json' as an option"))
        }
        var declared: [String: SourceLocation?] = [:]
        for (name, location) in spec.hosts.map({ ($0.name.value, $0.name.location) })
            + spec.variables.map({ ($0.name.value, $0.name.location) })
        {
            if let first = declared[name] {
                diagnostics.append(
                    .error(
                        "spec-duplicate-name", "'\(name)' is declared twice, as a host and as a variable",
                        at: location, hint: "first declared at \(place(first)); rename one"))
            } else if name.contains("{") || name.contains("}") || name.hasPrefix("$") {
                diagnostics.append(
                    .error(
                        "spec-invalid-value", "'\(name)' cannot be a variable name", at: location,
                        hint: "names may not contain '{' or '}' nor start with '$'"))
            }
            if declared[name] == nil { declared[name] = location }
        }
        var defined = Set(declared.keys)
        if let registration = spec.registration { defined.insert(registration.bodyVariable) }
        var used = Set<String>()

        func check(_ text: Located<String>) {
            for name in TemplateReferences.names(in: text.value) {
                used.insert(name)
                if name.hasPrefix("$") {
                    if !dynamicVariables.contains(name) {
                        diagnostics.append(
                            .error(
                                "spec-unknown-variable", "unknown dynamic variable '{{\(name)}}'", at: text.location,
                                hint: "use one of: \(dynamicVariables.sorted().joined(separator: ", "))"))
                    }
                } else if !defined.contains(name) {
                    let suggestion = Spelling.closest(to: name, among: Array(defined))
                    diagnostics.append(
                        .error(
                            "spec-undefined-variable", "'{{\(name)}}' is never defined nor captured by an earlier step",
                            at: text.location,
                            hint: suggestion.map { "did you mean '{{\($0)}}'?" }
                                ?? "declare it under 'variables' or capture it in an earlier step"))
                }
            }
        }

        let headerSets = Dictionary(
            spec.headerSets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        func checkSetNames(_ names: [Located<String>]) {
            for name in names where headerSets[name.value] == nil {
                let suggestion = Spelling.closest(to: name.value, among: Array(headerSets.keys))
                diagnostics.append(
                    .error(
                        "spec-unknown-header-set", "unknown header set '\(name.value)'", at: name.location,
                        hint: suggestion.map { "did you mean '\($0)'?" } ?? "declare it under 'headerSets'"))
            }
        }

        spec.hosts.forEach { check($0.url) }
        spec.helperAPI.map { check($0.environment) }
        if let tls = spec.tls { diagnostics += CertificateSettings.hostProblems(tls, in: spec) }
        if let registration = spec.registration {
            registration.endpoint.map(check)
            for claim in registration.claims {
                claim.value.strings.forEach { check(Located($0, at: claim.name.location)) }
            }
        }

        var flowKeys: [String: SourceLocation?] = [:]
        var stepKeys: [String: SourceLocation?] = [:]
        var stepNames: [String: SourceLocation?] = [:]
        for flow in spec.flows {
            if let first = flowKeys.updateValue(flow.name.location, forKey: flow.key) {
                diagnostics.append(
                    .error(
                        "spec-duplicate-name", "two flows have the key '\(flow.key)'", at: flow.name.location,
                        hint: "the other is at \(place(first)); give one a distinct 'key' or name"))
            }
            checkSetNames(flow.headerSets)
            if flow.steps.isEmpty {
                diagnostics.append(
                    .warning("spec-empty-flow", "flow '\(flow.name.value)' has no steps", at: flow.name.location))
            }
            for step in flow.steps {
                if let first = stepKeys.updateValue(step.name.location, forKey: step.key) {
                    diagnostics.append(
                        .error(
                            "spec-duplicate-name", "two steps have the key '\(step.key)'", at: step.name.location,
                            hint: "the other is at \(place(first)); keys must be unique so ids stay stable"))
                }
                if let first = stepNames.updateValue(step.name.location, forKey: step.name.value) {
                    diagnostics.append(
                        .error(
                            "spec-duplicate-name", "two steps are named '\(step.name.value)'", at: step.name.location,
                            hint: "the other is at \(place(first)); newman --folder and reports need distinct names"))
                }
                checkSetNames(step.headerSets ?? [])
                for name in (step.headerSets ?? flow.headerSets).map(\.value) {
                    headerSets[name]?.headers.forEach { check($0.value) }
                }
                diagnostics += pathParameterProblems(step)
                diagnostics += ResponseExampleCheck.problems(step)
                if let consent = step.consent {
                    [
                        consent.authorizeEndpoint, consent.clientId, consent.redirectUri, consent.intentId,
                        consent.audience,
                    ].forEach(check)
                    requestObjectStrings(spec.requestObject).forEach(check)
                    defined.insert(consent.saveAs)
                }
                check(step.url)
                (step.pathParams + step.query + step.headers).forEach { check($0.value) }
                switch step.auth ?? flow.auth {
                case let .basic(username, password)?: check(username); check(password)
                case let .basicToken(token)?, let .bearer(token)?: check(token)
                case .client?:
                    diagnostics += clientAuthProblems(spec, step: step)
                    spec.clientAuth.map(credentialStrings)?.forEach(check)
                case .none?, nil: break
                }
                switch step.body {
                case let .json(value)?: value.value.strings.forEach { check(Located($0, at: value.location)) }
                case let .form(fields)?: fields.forEach { check($0.value) }
                case let .raw(text, _)?: check(text)
                case nil: break
                }
                for expectation in step.expect.json + step.expect.headers {
                    switch expectation.check {
                    case let .equals(value): value.strings.forEach { check(Located($0, at: expectation.path.location)) }
                    case let .oneOf(values):
                        values.flatMap(\.strings).forEach { check(Located($0, at: expectation.path.location)) }
                    case .present, .absent: break
                    }
                }
                if step.unsupported == nil && flow.unsupported == nil {
                    step.captures.forEach { defined.insert($0.variable.value) }
                    if let consent = step.consent { defined.insert(consent.codeVariable) }
                }
            }
        }
        diagnostics += bankKnowledgeProblems(spec)
        for variable in spec.variables where !used.contains(variable.name.value) {
            diagnostics.append(
                .warning(
                    "spec-unused-variable", "variable '\(variable.name.value)' is never used",
                    at: variable.name.location, hint: "remove it, or use it as {{\(variable.name.value)}}"))
        }
        return diagnostics
    }

    /// `file:line:column` of an earlier declaration, for hints.
    static func place(_ location: SourceLocation?) -> String {
        location.map(String.init(describing:)) ?? "another place in the spec"
    }

    /// Every `:name` segment of the URL needs a value under `params`, and every value a segment.
    /// Whether `/:` appears in the URL text.
    private static func mayHavePathVariable(_ url: String) -> Bool {
        var previous: UInt8 = 0
        for byte in url.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ":") { return true }
            previous = byte
        }
        return false
    }

    static func pathParameterProblems(_ step: Spec.Step) -> [Diagnostic] {
        // A `:name` segment follows a slash: without one and without params there is nothing to match.
        guard !step.pathParams.isEmpty || mayHavePathVariable(step.url.value) else { return [] }
        let url = URLParts(step.url.value)
        let segments = Set(url.pathVariables)
        var problems: [Diagnostic] = []
        for name in url.pathVariables where !step.pathParams.contains(where: { $0.name == name }) {
            problems.append(
                .error(
                    "spec-missing-key", "path segment ':\(name)' of step '\(step.name.value)' has no value",
                    at: step.url.location, hint: "add it under 'params', e.g. \(name): \"{{\(name)}}\""))
        }
        for param in step.pathParams where !segments.contains(param.name) {
            problems.append(
                .error(
                    "spec-invalid-value", "'params' names '\(param.name)' but the URL has no ':\(param.name)' segment",
                    at: param.value.location))
        }
        return problems
    }
}

/// Finds `{{name}}` tokens the way Postman does: the name is taken verbatim, not trimmed.
/// Scans UTF-8 bytes, as Postman scans code units: braces are ASCII, so a name always spans whole characters.
public enum TemplateReferences {
    public static func names(in text: String) -> [String] {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var text = text
        return text.withUTF8 { bytes in
            var names: [String] = []
            var start = 0
            // `{{`, then the first `}}` after it; a `{` inside the name restarts at the second brace.
            while let at = Self.pair(open, in: bytes, from: start) {
                let nameStart = at + 2
                guard let end = Self.pair(close, in: bytes, from: nameStart) else { break }
                let name = UnsafeBufferPointer(rebasing: bytes[nameStart..<end])
                if name.contains(open) {
                    start = at + 1
                    continue
                }
                names.append(String(decoding: name, as: UTF8.self))
                start = end + 2
            }
            return names
        }
    }

    /// The index of the first two consecutive `byte`s at or after `start`.
    private static func pair(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index + 1] != byte {
                index += 2
            } else if bytes[index] == byte {
                return index
            } else {
                index += 1
            }
        }
        return nil
    }
}
