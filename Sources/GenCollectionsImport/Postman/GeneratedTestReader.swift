import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Reads the `pm.test` blocks the generator writes (status, JSON and header checks, captures) back into a
/// step's expectations and captures. It stops at the first block it does not know; `GeneratedScripts` checks
/// the result by rendering it again.
struct GeneratedTestReader {
    let lines: [String]

    func read(into step: inout Spec.Step) {
        var index = 0
        var expect = Spec.Expectations()
        var captures: [Spec.Capture] = []
        while index < lines.count {
            let line = lines[index]
            if line == "function valueAt(path) {" || line.hasPrefix("function redirectParameter(") {
                guard let end = lines[index...].firstIndex(of: "}") else { break }
                index = end + 1
                continue
            }
            if line.hasPrefix("// The redirect's parameters") {
                index += 1
                continue
            }
            guard line.hasPrefix("pm.test("), line.hasSuffix(", function () {"),
                let end = lines[index...].firstIndex(of: "});")
            else { break }
            let body = lines[(index + 1)..<end].map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : $0 }
            guard let first = body.first else { break }
            if first.hasPrefix("pm.expect(pm.response.code, ") {
                guard let codes = Self.between(first, "to.be.oneOf([", "]);") else { break }
                expect.status = codes.split(separator: ",").compactMap {
                    Int($0.trimmingCharacters(in: .whitespaces))
                }
            } else if first.hasPrefix("var value = "), body.count == 3 {
                guard let capture = Self.capture(source: first, save: body[2]) else { break }
                captures.append(capture)
            } else if body.count == 1, let check = Self.check(first) {
                if check.isHeader {
                    expect.headers.append(check.expectation)
                } else {
                    expect.json.append(check.expectation)
                }
            } else {
                break
            }
            index = end + 1
        }
        step.expect = expect
        step.captures = captures
    }

    /// `var value = SOURCE;` and `pm.environment.set("name", ...);`.
    static func capture(source line: String, save: String) -> Spec.Capture? {
        let source = String(line.dropFirst("var value = ".count).dropLast())
        guard save.hasPrefix("pm.environment.set("), let comma = save.range(of: ", typeof value"),
            let name = string(String(save[save.index(save.startIndex, offsetBy: 19)..<comma.lowerBound]))
        else { return nil }
        let kind: Spec.Capture.Source
        if source == "pm.response.text()" {
            kind = .body
        } else if let inner = call(source, "valueAt"), let path = path(inner) {
            kind = .json(path)
        } else if let inner = call(source, "pm.response.headers.get"), let header = string(inner) {
            kind = .header(header)
        } else if let inner = call(source, "redirectParameter"), let parameter = string(inner) {
            kind = .redirect(parameter)
        } else {
            return nil
        }
        return Spec.Capture(variable: Located(name), source: kind)
    }

    /// `pm.expect(VALUE).to...;` as a JSON path or header check.
    static func check(_ line: String) -> (expectation: Spec.FieldExpectation, isHeader: Bool)? {
        guard line.hasPrefix("pm.expect("), let split = line.range(of: ").to.") else { return nil }
        let value = String(line[line.index(line.startIndex, offsetBy: 10)..<split.lowerBound])
        let assertion = String(line[split.upperBound...])
        let subject: (String, Bool)
        if let inner = call(value, "valueAt"), let path = path(inner) {
            subject = (path.description, false)
        } else if let inner = call(value, "pm.response.headers.get"), let header = string(inner) {
            subject = (header, true)
        } else {
            return nil
        }
        let check: Spec.FieldExpectation.Check
        if assertion == "not.be.oneOf([undefined, null]);" {
            check = .present
        } else if assertion == "be.oneOf([undefined, null]);" {
            check = .absent
        } else if assertion.hasPrefix("eql("), assertion.hasSuffix(");"),
            let expected = json(String(assertion.dropFirst(4).dropLast(2)))
        {
            check = .equals(expected)
        } else if assertion.hasPrefix("be.oneOf("), assertion.hasSuffix(");"),
            case let .array(options)? = json(String(assertion.dropFirst(9).dropLast(2)))
        {
            check = .oneOf(options)
        } else {
            return nil
        }
        return (Spec.FieldExpectation(path: Located(subject.0), check: check), subject.1)
    }

    /// The argument text of `name(ARGUMENT)`.
    static func call(_ text: String, _ name: String) -> String? {
        guard text.hasPrefix(name + "("), text.hasSuffix(")") else { return nil }
        return String(text.dropFirst(name.count + 1).dropLast())
    }

    /// A JSON string literal's value.
    static func string(_ text: String) -> String? {
        guard case let .string(value)? = try? JSONValue(json: Data(text.utf8)) else { return nil }
        return value
    }

    /// `["Data","Account",0]` as a JSON path.
    static func path(_ text: String) -> JSONPath? {
        guard case let .array(items)? = try? JSONValue(json: Data(text.utf8)) else { return nil }
        var description = ""
        for item in items {
            switch item {
            case let .string(key):
                guard !key.isEmpty, !key.contains("."), !key.contains("[") else { return nil }
                description += (description.isEmpty ? "" : ".") + key
            case let .number(number):
                guard let index = Int(number) else { return nil }
                description += "[\(index)]"
            default: return nil
            }
        }
        return JSONPath(description)
    }

    /// A JSON value written as JavaScript, `pm.variables.replaceIn("…")` read as the string it resolves.
    static func json(_ text: String) -> JSONValue? {
        let call = "pm.variables.replaceIn("
        var rest = Substring(text)
        var plain = ""
        while let start = rest.range(of: call) {
            plain += rest[..<start.lowerBound]
            rest = rest[start.upperBound...]
            // The argument is a JSON string literal: find its closing quote.
            guard rest.first == "\"" else { return nil }
            var index = rest.index(after: rest.startIndex)
            var escaped = false
            while index < rest.endIndex {
                let character = rest[index]
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    break
                }
                index = rest.index(after: index)
            }
            guard index < rest.endIndex else { return nil }
            let literalEnd = rest.index(after: index)
            plain += rest[..<literalEnd]
            rest = rest[literalEnd...]
            guard rest.first == ")" else { return nil }
            rest = rest.dropFirst()
        }
        plain += rest
        return try? JSONValue(json: Data(plain.utf8))
    }

    /// The text between two markers of a line.
    static func between(_ line: String, _ start: String, _ end: String) -> String? {
        guard let open = line.range(of: start), line.hasSuffix(end) else { return nil }
        let from = open.upperBound
        let to = line.index(line.endIndex, offsetBy: -end.count)
        return from <= to ? String(line[from..<to]) : nil
    }
}
