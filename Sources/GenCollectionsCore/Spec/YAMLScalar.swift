import GenCollectionsBase
import Yams

/// How a YAML scalar becomes a typed value: the YAML 1.2 core schema (docs/spec-format.md, "Scalars"), with
/// numbers rewritten as valid JSON, so that a body, a claim or an `equals` value is valid JSON and valid JavaScript
/// whatever the YAML spelling (`0x1F` becomes 31, `.5` becomes 0.5, `+1` becomes 1).
///
/// Quoted scalars are strings. Plain ones are null (`~`, `null`, empty), booleans (`true`, `false`), integers
/// (`12`, `-3`, `0o17`, `0x1F`) or floats (`1.5`, `.5`, `5.`, `1e3`); anything else is a string. YAML 1.1 spellings
/// that 1.2 reads as text (`yes`, `off`, `1_000`, `12:30`, `0b101`) stay strings, with a warning, and `010` is ten.
enum YAMLScalar {
    enum Value: Equatable {
        case null
        case bool(Bool)
        /// JSON number text: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
        case number(String)
        case string(String)
    }

    /// A value, or why the scalar has none; and a note when YAML 1.1 would have read it otherwise.
    struct Resolution: Equatable {
        var value: Value?
        var error: String?
        var yaml11Note: String?
    }

    static func resolve(_ scalar: SpecNode.Scalar) -> Resolution {
        let text = scalar.string
        guard scalar.isPlain else { return Resolution(value: .string(text)) }
        switch scalar.tag {
        case "":
            let value = plain(text)
            if case .string = value?.value, let note = yaml11Note(text) {
                return Resolution(value: value?.value, yaml11Note: note + "; quote it to say it is text")
            }
            return value ?? Resolution(error: "'\(text)' is a YAML float that JSON cannot hold")
        case Tag.Name.str.rawValue, "!": return Resolution(value: .string(text))
        case Tag.Name.null.rawValue, Tag.Name.bool.rawValue, Tag.Name.int.rawValue, Tag.Name.float.rawValue:
            let resolved = plain(text)
            let wanted = String(scalar.tag.dropFirst("tag:yaml.org,2002:".count))
            guard let value = resolved?.value, kind(value) == wanted || (wanted == "float" && kind(value) == "int")
            else { return Resolution(error: "'\(text)' is not a YAML \(wanted)") }
            return Resolution(value: value)
        default:
            return Resolution(error: "the YAML tag '\(scalar.tag)' is not supported here")
        }
    }

    private static func kind(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "bool"
        case let .number(text): return text.contains(where: { ".eE".contains($0) }) ? "float" : "int"
        case .string: return "str"
        }
    }

    /// The core schema's reading of a plain scalar; nil for `.inf` and `.nan`, which JSON cannot hold.
    private static func plain(_ text: String) -> Resolution? {
        switch text {
        case "", "~", "null", "Null", "NULL": return Resolution(value: .null)
        case "true", "True", "TRUE": return Resolution(value: .bool(true))
        case "false", "False", "FALSE": return Resolution(value: .bool(false))
        default: break
        }
        let bytes = Array(text.utf8)
        if let number = integer(bytes) ?? float(bytes) { return number }
        let unsigned = text.first == "-" || text.first == "+" ? String(text.dropFirst()) : text
        if [".inf", ".Inf", ".INF"].contains(unsigned) || [".nan", ".NaN", ".NAN"].contains(text) { return nil }
        return Resolution(value: .string(text))
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`, as JSON digits.
    private static func integer(_ bytes: [UInt8]) -> Resolution? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0"),
            bytes[1] == UInt8(ascii: "o") || bytes[1] == UInt8(ascii: "x")
        {
            let radix = bytes[1] == UInt8(ascii: "o") ? 8 : 16
            let digits = String(decoding: bytes.dropFirst(2), as: UTF8.self)
            guard digits.allSatisfy({ $0.isHexDigit && Int(String($0), radix: radix) != nil }) else { return nil }
            guard let value = UInt64(digits, radix: radix) else {
                return Resolution(error: "'\(String(decoding: bytes, as: UTF8.self))' is too large for a JSON number")
            }
            return Resolution(value: .number(String(value)))
        }
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative || digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        let number = (negative ? "-" : "") + withoutLeadingZeros(digits)
        guard digits.count > 1, digits.first == UInt8(ascii: "0") else { return Resolution(value: .number(number)) }
        let text = String(decoding: bytes, as: UTF8.self)
        return Resolution(
            value: .number(number),
            yaml11Note: "'\(text)' is the number \(number) (YAML 1.2), not an octal as in YAML 1.1")
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, as JSON: `0.5`, `5.0`, `1.5e3`.
    private static func float(_ bytes: [UInt8]) -> Resolution? {
        var rest = bytes[...]
        var sign = ""
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            sign = first == UInt8(ascii: "-") ? "-" : ""
            rest = rest.dropFirst()
        }
        let whole = rest.prefix(while: isDigit)
        rest = rest.dropFirst(whole.count)
        var fraction: ArraySlice<UInt8> = []
        let hasPoint = rest.first == UInt8(ascii: ".")
        if hasPoint {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        var exponent = ""
        if let first = rest.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") {
            let letter = String(UnicodeScalar(first))  // kept: `1E+3` is valid JSON as written
            rest = rest.dropFirst()
            var exponentSign = ""
            if let mark = rest.first, mark == UInt8(ascii: "-") || mark == UInt8(ascii: "+") {
                exponentSign = String(UnicodeScalar(mark))
                rest = rest.dropFirst()
            }
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty else { return nil }
            rest = rest.dropFirst(digits.count)
            exponent = letter + exponentSign + String(decoding: digits, as: UTF8.self)
        }
        guard rest.isEmpty, hasPoint || !exponent.isEmpty else { return nil }
        let wholeText = whole.isEmpty ? "0" : withoutLeadingZeros(whole)
        let fractionText = fraction.isEmpty ? (hasPoint ? ".0" : "") : "." + String(decoding: fraction, as: UTF8.self)
        return Resolution(value: .number(sign + wholeText + fractionText + exponent))
    }

    /// A warning text when YAML 1.1 (and so many other tools) would read `text` as a boolean or a number.
    private static func yaml11Note(_ text: String) -> String? {
        let booleans = ["y", "yes", "n", "no", "on", "off"]
        if booleans.contains(text.lowercased()),
            text == text.lowercased() || text == text.uppercased()
                || text == text.prefix(1).uppercased() + text.dropFirst().lowercased()
        {
            return "'\(text)' is the string \"\(text)\" (YAML 1.2), not a boolean as in YAML 1.1"
        }
        let numeric = text.drop { $0 == "-" || $0 == "+" }
        guard let first = numeric.first, first.isNumber else { return nil }
        if numeric.contains("_") || numeric.hasPrefix("0b") || numeric.contains(":") {
            if numeric.allSatisfy({ $0.isHexDigit || "_:.xob".contains($0) }) {
                return "'\(text)' is the string \"\(text)\" (YAML 1.2), not a number as in YAML 1.1"
            }
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func withoutLeadingZeros(_ digits: ArraySlice<UInt8>) -> String {
        let trimmed = digits.drop { $0 == UInt8(ascii: "0") }
        return trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)
    }
}

extension NodeReader {
    /// A plain or quoted scalar as JSON (`json(_:)`'s hook), with the warnings and errors of `YAMLScalar`.
    func jsonScalar(_ node: SpecNode, _ scalar: SpecNode.Scalar) -> JSONValue {
        let resolution = YAMLScalar.resolve(scalar)
        if let note = resolution.yaml11Note { warning("spec-yaml11-scalar", note, at: node) }
        switch resolution.value {
        case .null?: return .null
        case let .bool(flag)?: return .bool(flag)
        case let .number(text)?: return .number(text)
        case let .string(text)?: return .string(text)
        case nil:
            error(
                "spec-invalid-value", resolution.error ?? "'\(scalar.string)' has no JSON value", at: node,
                hint: "quote it to send it as text")
            return .null
        }
    }

    /// A JSON object key: a scalar's text.
    func jsonKey(_ node: SpecNode) -> String {
        guard case let .scalar(scalar) = node else {
            error(
                "spec-wrong-type", "keys of a JSON value must be strings, found \(NodeReader.kind(of: node))", at: node)
            return ""
        }
        return scalar.string
    }
}

extension YAMLScalar {
    /// `true` or `false` (and their capitalised spellings), nil for anything else.
    static func bool(_ node: SpecNode) -> Bool? {
        guard case let .scalar(scalar) = node, case let .bool(flag)? = resolve(scalar).value else { return nil }
        return flag
    }

    /// A plain decimal, octal (`0o`) or hexadecimal (`0x`) integer that fits an `Int`.
    static func int(_ node: SpecNode) -> Int? {
        guard case let .scalar(scalar) = node, case let .number(text)? = resolve(scalar).value else { return nil }
        return Int(text)
    }
}
