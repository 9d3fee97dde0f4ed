import GenCollectionsBase

/// Reading the loosely typed parts of a collection: descriptions, versions, script lines.
enum ItemText {
    /// A description: a string, or `{content, type}`; nil when empty.
    static func description(_ value: JSONValue?) -> String? {
        let text = value?.text ?? value?["content"]?.text
        return text?.isEmpty == false ? text : nil
    }

    /// `info.version`: a string, or `{major, minor, patch, identifier}`.
    static func version(_ value: JSONValue?) -> String? {
        if let text = value?.text { return text.isEmpty ? nil : text }
        guard let value, value.members != nil else { return nil }
        let parts = ["major", "minor", "patch"].map { value[$0].flatMap(number) ?? "0" }
        let identifier = value["identifier"]?.text.map { "-\($0)" } ?? ""
        return parts.joined(separator: ".") + identifier
    }

    private static func number(_ value: JSONValue) -> String? {
        if case let .number(text) = value { return text }
        return value.text
    }

    /// The lines of a script's `exec`: an array of strings or one string, split on line breaks.
    static func lines(_ exec: JSONValue?) -> [String] {
        let joined: String
        switch exec {
        case .array(let items)?: joined = items.compactMap(\.text).joined(separator: "\n")
        case .string(let text)?: joined = text
        default: return []
        }
        guard !joined.isEmpty else { return [] }
        return joined.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
    }

    /// Two script texts, one after the other; nil when both are empty.
    static func joined(_ first: String?, _ second: String?) -> String? {
        let parts = [first, second].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// Quoted for a diagnostic, cut at 60 characters.
    static func quote(_ text: String) -> String {
        JSONValue.quoted(text.count > 60 ? String(text.prefix(57)) + "..." : text)
    }
}
