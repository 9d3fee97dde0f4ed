import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Recognises the scripts this tool generates, so that adopting one of its own collections gives expectations,
/// captures and generated variables back instead of JavaScript. A candidate read from the lines is rendered
/// again with the generator and kept only when the rendering is exactly the file's lines: anything else stays
/// verbatim, so a recognition can never change what the collection does.
struct GeneratedScripts {
    /// The collection-level test script the generator writes for the bank's reason of a failed request.
    let bankReason: [String]
    static let generatedVariablesComment =
        "// Fresh values before every request, for the variables the spec marks 'generate'."
    static let specMarker = "// From the spec."

    init() {
        let probe = Spec(name: Located("probe"), flows: [])
        let events = Generator.collection(for: probe).events ?? []
        bankReason = events.first { $0.listen == "test" }?.lines ?? []
    }

    // MARK: - Collection level

    func startsWithBankReason(_ text: String?) -> Bool {
        let lines = RawLines.split(text)
        return !bankReason.isEmpty && lines.count >= bankReason.count
            && Array(lines.prefix(bankReason.count)) == bankReason
    }

    func droppingBankReason(_ text: String?) -> String? {
        RawLines.join(Array(RawLines.split(text).dropFirst(bankReason.count)))
    }

    /// The generated variables of the collection's pre-request script, and the lines left.
    func collectionPrerequest(
        _ text: String?
    ) -> (
        variables: [(name: String, generator: Spec.Variable.Generator)], rest: String?
    ) {
        let lines = RawLines.split(text)
        guard lines.first == Self.generatedVariablesComment else { return ([], text) }
        var variables: [(name: String, generator: Spec.Variable.Generator)] = []
        var index = 1
        let endings: [(String, Spec.Variable.Generator)] = [
            (", require(\"uuid\").v4());", .uuid), (", new Date().toUTCString());", .httpDate),
            (", new Date().toISOString());", .isoDateTime),
            (", String(Math.floor(Date.now() / 1000)));", .epochSeconds),
        ]
        scan: while index < lines.count, lines[index].hasPrefix("pm.variables.set(") {
            let line = lines[index]
            for (ending, generator) in endings where line.hasSuffix(ending) {
                let quoted = line.dropFirst("pm.variables.set(".count).dropLast(ending.count)
                guard case let .string(name)? = try? JSONValue(json: Data(quoted.utf8)),
                    JSONValue.quoted(name) == String(quoted)
                else { break scan }
                variables.append((name, generator))
                index += 1
                continue scan
            }
            break
        }
        guard !variables.isEmpty else { return ([], text) }
        return (variables, RawLines.join(Array(lines[index...])))
    }

    // MARK: - Steps

    /// The step with its scripts: a generated consent script as the consent (and the spec's request object),
    /// generated tests as expectations and captures, spec lines after the marker as `prerequest`/`test`, and the
    /// rest verbatim. `requestObject` is the one an earlier consent step established; every consent step must
    /// render with the same one, as the spec has one.
    func recognise(
        _ scripts: Spec.RawScripts, in step: Spec.Step, requestObject: inout Spec.RequestObject?
    )
        -> Spec.Step
    {
        var step = step
        var prerequest = RawLines.split(scripts.prerequest)
        var test = RawLines.split(scripts.test)
        var head: [String] = []
        if let (consent, object) = ConsentScriptReader.read(prerequest), step.url.value == "{{\(consent.saveAs)}}",
            step.method == "GET", step.body == nil
        {
            let candidateObject = requestObject ?? object
            var candidate = step
            candidate.consent = consent
            let rendered = Self.rendered(candidate, requestObject: candidateObject)
            if prerequest.starts(with: rendered.prerequest), test.starts(with: rendered.test) {
                step = candidate
                requestObject = candidateObject
                prerequest.removeFirst(rendered.prerequest.count)
                head = rendered.test
                test.removeFirst(head.count)
            }
        }
        if prerequest.first == Self.specMarker {
            step.prerequestScript = Array(prerequest.dropFirst())
            prerequest = []
        }
        step.scripts.prerequest = RawLines.join(prerequest)
        if !test.isEmpty {
            var candidate = step
            GeneratedTestReader(lines: test).read(into: &candidate)
            let tail = Array(
                Self.rendered(candidate, requestObject: requestObject ?? .init()).test.dropFirst(head.count))
            if !tail.isEmpty, test.starts(with: tail) {
                step = candidate
                test.removeFirst(tail.count)
            }
        }
        if test.first == Self.specMarker {
            step.testScript = Array(test.dropFirst())
            test = []
        }
        step.scripts.test = RawLines.join(test)
        return step
    }

    /// The pre-request and test scripts the generator writes for the step's consent, expectations and captures
    /// alone.
    static func rendered(
        _ step: Spec.Step, requestObject: Spec.RequestObject
    ) -> (
        prerequest: [String], test: [String]
    ) {
        var bare = Spec.Step(
            name: step.name, key: "probe", url: step.url, expect: step.expect, captures: step.captures,
            consent: step.consent)
        bare.method = step.method
        let spec = Spec(
            name: Located("probe"), requestObject: requestObject,
            flows: [Spec.Flow(name: Located("probe"), steps: [bare])])
        guard let request = Generator.collection(for: spec).items.first?.items?.first else { return ([], []) }
        func exec(_ listen: String) -> [String] {
            request.events?.first { $0.listen == listen }?.lines ?? []
        }
        return (exec("prerequest"), exec("test"))
    }
}

/// Script text as lines and back.
enum RawLines {
    static func split(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    static func join(_ lines: [String]) -> String? {
        lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
