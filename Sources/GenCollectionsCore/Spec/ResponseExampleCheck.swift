import GenCollectionsBase

/// A step's `response` example must pass the step's own tests: it is what `gen-collections mock` answers, so a
/// contradiction would make the generated collection fail against the mock by construction.
enum ResponseExampleCheck {
    static func problems(_ step: Spec.Step) -> [Diagnostic] {
        guard let example = step.response else { return [] }
        var problems: [Diagnostic] = []
        func mismatch(_ message: String) {
            problems.append(
                .error(
                    "spec-example-mismatch", "the response example of step '\(step.name.value)' \(message)",
                    at: example.location, hint: "change the example or the step's 'expect' so they agree"))
        }
        if !step.expect.status.isEmpty, !step.expect.status.contains(example.status) {
            let codes = step.expect.status.map(String.init).joined(separator: ", ")
            mismatch("has status \(example.status), but 'expect.status' wants \(codes)")
        }
        let json: JSONValue? = {
            if case let .json(value)? = example.body { return value }
            return nil
        }()
        for check in step.expect.json {
            guard let path = JSONPath(check.path.value) else { continue }
            guard let json else {
                mismatch("has no JSON body, but 'expect.json' checks '\(check.path.value)'")
                continue
            }
            if let problem = problem(check.check, json.value(at: path)) {
                mismatch("has \(check.path.value) \(problem)")
            }
        }
        for capture in step.captures {
            guard case let .json(path) = capture.source else { continue }
            let value = json?.value(at: path)
            if value == nil || value == .null || value == .string("") {
                mismatch("has no '\(path)', which the step captures into '\(capture.variable.value)'")
            }
        }
        for check in step.expect.headers {
            let given = example.headers.first { $0.name.lowercased() == check.path.value.lowercased() }
            guard let given else { continue }  // the mock adds headers such as x-fapi-interaction-id itself
            if let problem = problem(check.check, .string(given.value.value)) {
                mismatch("has header \(check.path.value) \(problem)")
            }
        }
        return problems
    }

    /// Why `value` fails `check`, or nil when it passes (or depends on a `{{variable}}` known only at run time).
    private static func problem(_ check: Spec.FieldExpectation.Check, _ value: JSONValue?) -> String? {
        let isMissing = value == nil || value == .null
        let shown = value.map { $0.rendered(indent: nil) } ?? "missing"
        switch check {
        case .present: return isMissing ? "missing, but the step expects it present" : nil
        case .absent: return isMissing ? nil : "\(shown), but the step expects it absent"
        case let .equals(expected):
            if expected.strings.contains(where: { $0.contains("{{") }) { return nil }
            return value == expected ? nil : "\(shown), but the step expects \(expected.rendered(indent: nil))"
        case let .oneOf(options):
            if options.flatMap(\.strings).contains(where: { $0.contains("{{") }) { return nil }
            if let value, options.contains(value) { return nil }
            return "\(shown), but the step expects one of "
                + options.map { $0.rendered(indent: nil) }.joined(separator: ", ")
        }
    }
}
