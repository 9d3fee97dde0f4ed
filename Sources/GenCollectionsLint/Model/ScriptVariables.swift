/// Variable names scripts write and read, found by one scan per script for `pm` calls with a literal name.
public struct ScriptVariables: Sendable {
    /// Names set by `pm.{environment,collectionVariables,globals,variables}.set('name', …)` or
    /// `postman.set{Environment,Global}Variable('name', …)`.
    public var sets: Set<String> = []
    /// Names read by `.get('name')`, `.has('name')`, `.unset('name')`, `postman.get…Variable('name')`, or
    /// mentioned as `{{name}}` (for `pm.variables.replaceIn`).
    public var reads: Set<String> = []

    private static let scopes: Set<String> = [
        "environment", "collectionVariables", "globals", "variables", "iterationData",
    ]

    init(scripts: [Script]) {
        for script in scripts {
            for call in Self.calls(in: script.text) {
                switch (call.receiver, call.method) {
                case (let scope, "set") where Self.scopes.contains(scope): sets.insert(call.argument)
                case (let scope, "get"), (let scope, "has"), (let scope, "unset"):
                    if Self.scopes.contains(scope) { reads.insert(call.argument) }
                case ("postman", "setEnvironmentVariable"), ("postman", "setGlobalVariable"): sets.insert(call.argument)
                case ("postman", "getEnvironmentVariable"), ("postman", "getGlobalVariable"):
                    reads.insert(call.argument)
                default: break
                }
            }
            if script.text.utf8.contains(UInt8(ascii: "{")) { reads.formUnion(VariableScanner.tokens(in: script.text)) }
        }
    }

    /// Every `receiver.method('literal'` call in `text`: the last two identifiers before `(` and the literal first
    /// argument (quoted with ', " or a backtick without `${`).
    static func calls(in text: String) -> [(receiver: String, method: String, argument: String)] {
        let bytes = Array(text.utf8)
        var calls: [(receiver: String, method: String, argument: String)] = []
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
            guard cursor < bytes.count else { continue }
            let quote = bytes[cursor]
            guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") else {
                continue
            }
            var end = cursor + 1
            while end < bytes.count, bytes[end] != quote { end += 1 }
            guard end < bytes.count else { continue }
            let argument = String(decoding: bytes[(cursor + 1)..<end], as: UTF8.self)
            if quote == UInt8(ascii: "`"), argument.contains("${") { continue }
            calls.append(
                (
                    String(decoding: bytes[receiverStart..<(methodStart - 1)], as: UTF8.self),
                    String(decoding: bytes[methodStart..<index], as: UTF8.self), argument
                ))
        }
        return calls
    }
}
