import GenCollectionsBase

/// Text for the importer: descriptions, joined scripts, quotes for diagnostics.
enum ItemText {
    /// A description (a string, or `{content, type}`); nil when empty.
    static func description(_ value: JSONValue?) -> String? {
        Postman.descriptionText(value).flatMap { $0.isEmpty ? nil : $0 }
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
