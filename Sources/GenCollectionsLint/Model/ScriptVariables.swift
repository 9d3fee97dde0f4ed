import Foundation

/// Variable names scripts write and read, found by one scan per script for `pm` calls with a literal name.
public struct ScriptVariables: Sendable {
    /// Names set by `pm.{environment,collectionVariables,globals,variables}.set('name', …)` or
    /// `postman.set{Environment,Global}Variable('name', …)`.
    public var sets: Set<String> = []
    /// Names set with a computed key (`pm.environment.set(kind + "_id", …)`): the literal text around the
    /// computed part. A key with no literal part at all is `("", "")` and may be any name.
    public var computedSets: [NamePattern] = []
    /// Names read by `.get('name')`, `.has('name')`, `.unset('name')`, `postman.get…Variable('name')`, or
    /// mentioned as `{{name}}` (for `pm.variables.replaceIn`).
    public var reads: Set<String> = []
    /// Outer names of nested `{{base_{{stage}}}}` tokens in scripts.
    public var readPatterns: [NamePattern] = []

    /// Scopes whose `.set` defines a variable Newman resolves.
    private static let scopes: Set<String> = [
        "environment", "collectionVariables", "globals", "variables", "iterationData",
    ]

    init(scripts: [Script]) {
        for script in scripts {
            for call in Self.calls(in: script.text) {
                switch call.argument {
                case let .literal(name):
                    switch (call.receiver, call.method) {
                    case (let scope, "set") where Self.scopes.contains(scope):
                        if !script.disabled { sets.insert(name) }
                    case (let scope, "get"), (let scope, "has"), (let scope, "unset"):
                        if Self.scopes.contains(scope) { reads.insert(name) }
                    case ("postman", "setEnvironmentVariable"), ("postman", "setGlobalVariable"):
                        if !script.disabled { sets.insert(name) }
                    case ("postman", "getEnvironmentVariable"), ("postman", "getGlobalVariable"):
                        reads.insert(name)
                    default: break
                    }
                case let .computed(pattern):
                    let isSet =
                        (Self.scopes.contains(call.receiver) && call.method == "set")
                        || (call.receiver == "postman"
                            && (call.method == "setEnvironmentVariable" || call.method == "setGlobalVariable"))
                    if isSet, !script.disabled { computedSets.append(pattern) }
                }
            }
            if script.text.utf8.contains(UInt8(ascii: "{")) {
                for use in VariableScanner.tokens(in: script.text) {
                    reads.insert(use.name)
                    if let pattern = use.enclosing { readPatterns.append(pattern) }
                }
            }
        }
    }

    /// Whether a computed `set` may define `name`.
    public func computedSetMayDefine(_ name: String) -> Bool {
        computedSets.contains { $0.matches(name) }
    }

    /// A call's first argument: a quoted literal, or an expression with its literal prefix and suffix.
    enum Argument: Equatable {
        case literal(String)
        case computed(NamePattern)
    }

    /// Every `receiver.method(argument` call in `text`: the last two identifiers before `(` and the first
    /// argument, a literal quoted with ', " or a backtick without `${`, or an expression (up to 200 bytes).
    static func calls(in text: String) -> [(receiver: String, method: String, argument: Argument)] {
        let bytes = Array(text.utf8)
        var calls: [(receiver: String, method: String, argument: Argument)] = []
        func isIdentifier(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte &- UInt8(ascii: "0") < 10
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$")
        }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "(") {
            var methodStart = index
            while methodStart > 0, isIdentifier(bytes[methodStart - 1]) { methodStart -= 1 }
            guard methodStart < index, methodStart > 0, bytes[methodStart - 1] == UInt8(ascii: ".") else { continue }
            var receiverStart = methodStart - 1
            while receiverStart > 0, isIdentifier(bytes[receiverStart - 1]) { receiverStart -= 1 }
            guard receiverStart < methodStart - 1 else { continue }
            var cursor = index + 1
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] != UInt8(ascii: ")") else { continue }
            let method = String(decoding: bytes[methodStart..<index], as: UTF8.self)
            // Only calls that set a variable need a computed name; others are read with a literal or not at all.
            let sets = method == "set" || method == "setEnvironmentVariable" || method == "setGlobalVariable"
            guard let argument = Self.argument(bytes, at: cursor, computed: sets) else { continue }
            calls.append(
                (String(decoding: bytes[receiverStart..<(methodStart - 1)], as: UTF8.self), method, argument))
        }
        return calls
    }

    /// The argument starting at `start`.
    private static func argument(_ bytes: [UInt8], at start: Int, computed: Bool) -> Argument? {
        let quote = bytes[start]
        if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") {
            var end = start + 1
            while end < bytes.count, bytes[end] != quote { end += 1 }
            guard end < bytes.count else { return nil }
            let literal = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
            let after = Self.skipSpaces(bytes, end + 1)
            let closesArgument = after >= bytes.count || bytes[after] == UInt8(ascii: ",") || bytes[after] == 0x29
            if closesArgument, !(quote == UInt8(ascii: "`") && literal.contains("${")) { return .literal(literal) }
        }
        guard computed else { return nil }
        // An expression: up to the first comma or closing parenthesis outside brackets and quotes.
        var depth = 0, end = start
        var inQuote: UInt8?
        while end < bytes.count, end - start < 200 {
            let byte = bytes[end]
            if let open = inQuote {
                if byte == open { inQuote = nil }
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") {
                inQuote = byte
            } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                if depth == 0 { break }
                depth -= 1
            } else if byte == UInt8(ascii: ","), depth == 0 {
                break
            }
            end += 1
        }
        return .computed(NamePattern(expression: String(decoding: bytes[start..<end], as: UTF8.self)))
    }

    private static func skipSpaces(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }
}

/// Names with a known literal prefix and suffix around a part known only at run time.
public struct NamePattern: Sendable, Hashable {
    public var prefix: String
    public var suffix: String

    public init(prefix: String, suffix: String) {
        self.prefix = prefix
        self.suffix = suffix
    }

    /// The literal prefix and suffix of a JavaScript expression: `kind + "_id"` → ("", "_id"),
    /// `` `${kind}_id` `` → ("", "_id"), `"id_" + n` → ("id_", "").
    init(expression: String) {
        let text = expression.trimmingSpaces
        if text.hasPrefix("`"), text.hasSuffix("`"), text.count >= 2 {
            let body = text.dropFirst().dropLast()
            prefix = body.range(of: "${").map { String(body[..<$0.lowerBound]) } ?? String(body)
            suffix = body.range(of: "}", options: .backwards).map { String(body[$0.upperBound...]) } ?? ""
            return
        }
        let pieces = text.split(separator: "+").map { String($0).trimmingSpaces }
        func literal(_ piece: String?) -> String {
            guard let piece, piece.count >= 2, let first = piece.first, "'\"".contains(first), piece.last == first
            else { return "" }
            return String(piece.dropFirst().dropLast())
        }
        prefix = literal(pieces.first)
        suffix = pieces.count > 1 ? literal(pieces.last) : ""
    }

    /// Whether `name` could be a value of the pattern.
    public func matches(_ name: String) -> Bool {
        name.utf8.count >= prefix.utf8.count + suffix.utf8.count && name.hasPrefix(prefix) && name.hasSuffix(suffix)
    }
}
