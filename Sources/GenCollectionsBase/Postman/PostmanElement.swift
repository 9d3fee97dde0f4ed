/// Postman's file formats (collections v2.0.0 and v2.1.0, environments, globals, Newman's certificate list),
/// read and written without loss.
///
/// Each type is a view of a JSON value: its properties read and write members of `json` in place, and whatever
/// it does not name (saved examples, folder auth, members a later Postman version adds, a member of an unexpected
/// type) stays as it was, where it was. Reading a file, changing a property and writing it back changes only that
/// property; writing it unchanged gives the same value (`JSONLayout.postman` gives the app's bytes back).
public enum Postman {}

/// A part of a Postman file, seen through its JSON.
public protocol PostmanElement: Sendable, Hashable {
    /// The element as it is in the file; usually an object.
    var json: JSONValue { get set }
    /// The element a JSON value holds, whatever its shape (a property that finds no member of its type is nil).
    init(json: JSONValue)
}

extension PostmanElement {
    /// A string member; nil when absent or not a string. Setting nil removes the member.
    public func text(_ key: String) -> String? { json[key]?.text }

    public mutating func setText(_ key: String, _ text: String?) { json[key] = text.map(JSONValue.string) }

    /// A boolean member; nil when absent or not a boolean.
    public func flag(_ key: String) -> Bool? {
        if case .bool(let flag)? = json[key] { return flag }
        return nil
    }

    public mutating func setFlag(_ key: String, _ flag: Bool?) { json[key] = flag.map(JSONValue.bool) }

    /// An object member as an element; nil when absent.
    public func element<Element: PostmanElement>(_ key: String) -> Element? { json[key].map(Element.init(json:)) }

    public mutating func setElement<Element: PostmanElement>(_ key: String, _ element: Element?) {
        json[key] = element?.json
    }

    /// An array member as elements, every entry kept (an entry of another shape reads as an element of nothing);
    /// nil when absent or not an array.
    public func elements<Element: PostmanElement>(_ key: String) -> [Element]? {
        json[key]?.items?.map(Element.init(json:))
    }

    public mutating func setElements<Element: PostmanElement>(_ key: String, _ elements: [Element]?) {
        json[key] = elements.map { .array($0.map(\.json)) }
    }
}

extension Postman {
    /// A description: a string, or `{content, type, version}`.
    public static func descriptionText(_ value: JSONValue?) -> String? {
        value?.text ?? value?["content"]?.text
    }

    /// A header, query parameter, form field, path variable or auth parameter (v2.1): `{key, value, …}`.
    public struct KeyValue: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public init(key: String, value: String, type: String? = nil, description: String? = nil) {
            json = .object([("key", .string(key)), ("value", .string(value))])
            self.type = type
            self.description = description
        }

        public var key: String? {
            get { text("key") }
            set { setText("key", newValue) }
        }

        /// The value when it is a string (Postman writes strings; auth parameters may hold other values: `json`).
        public var value: String? {
            get { text("value") }
            set { setText("value", newValue) }
        }

        public var type: String? {
            get { text("type") }
            set { setText("type", newValue) }
        }

        public var description: String? {
            get { Postman.descriptionText(json["description"]) }
            set { setText("description", newValue) }
        }

        /// `disabled: true`: the app shows it unticked, and Newman leaves it out.
        public var isDisabled: Bool {
            get { flag("disabled") ?? false }
            set { setFlag("disabled", newValue ? true : nil) }
        }
    }

    /// A collection or environment variable: `{key, value, type, enabled, …}`.
    public struct Variable: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public init(key: String, value: String, type: String? = nil, description: String? = nil) {
            json = .object([("key", .string(key)), ("value", .string(value))])
            self.type = type
            self.description = description
        }

        public var key: String? {
            get { text("key") }
            set { setText("key", newValue) }
        }

        public var value: String? {
            get { text("value") }
            set { setText("value", newValue) }
        }

        /// `default`, `secret` (environments); `string`, `boolean`, `any`, `number` (collections).
        public var type: String? {
            get { text("type") }
            set { setText("type", newValue) }
        }

        /// Environments only: the app's tick box. Newman ignores it (a variable in the file is used).
        public var enabled: Bool? {
            get { flag("enabled") }
            set { setFlag("enabled", newValue) }
        }

        public var description: String? {
            get { Postman.descriptionText(json["description"]) }
            set { setText("description", newValue) }
        }
    }

    /// A pre-request or test script: `{listen, script: {id, type, exec}}`.
    public struct Event: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        public init(listen: String, id: String? = nil, lines: [String]) {
            json = .object([("listen", .string(listen))])
            var script: JSONValue = .object([])
            if let id { script["id"] = .string(id) }
            script["type"] = .string("text/javascript")
            script["exec"] = .array(lines.map(JSONValue.string))
            json["script"] = script
        }

        /// `prerequest` or `test`.
        public var listen: String? {
            get { text("listen") }
            set { setText("listen", newValue) }
        }

        public var isDisabled: Bool { flag("disabled") ?? false }

        /// The script's lines.
        public var lines: [String] { Self.lines(of: json["script"]?["exec"]) }

        /// The lines of an `exec`: an array of strings or one string; `\n` and `\r\n` break lines either way.
        public static func lines(of exec: JSONValue?) -> [String] {
            let joined: String
            switch exec {
            case .array(let items)?: joined = items.compactMap(\.text).joined(separator: "\n")
            case .string(let text)?: joined = text
            default: return []
            }
            guard !joined.isEmpty else { return [] }
            // Without a carriage return, a line feed is always its own character: split on bytes.
            if !joined.utf8.contains(0x0D) {
                return joined.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
                    String(Substring($0))
                }
            }
            // "\r\n" is one Character in Swift.
            return joined.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        }
    }

    /// An auth object: `{type, <type>: parameters}`, parameters a list `[{key, value, type}]` (v2.1) or an object
    /// `{key: value}` (v2.0).
    public struct Auth: PostmanElement {
        public var json: JSONValue
        public init(json: JSONValue) { self.json = json }

        /// A v2.1 auth of `type` with its parameters (none for `noauth`).
        public init(type: String, parameters: [KeyValue] = []) {
            json = .object([("type", .string(type))])
            if !parameters.isEmpty { json[type] = .array(parameters.map(\.json)) }
        }

        public var type: String? {
            get { text("type") }
            set { setText("type", newValue) }
        }

        /// The parameters of its type, in either layout, in order.
        public var parameters: [(key: String, value: JSONValue)] {
            Postman.authParameters(of: json, in: JSONValueTree())
        }

        /// A parameter's value, as text when it is a string.
        public func parameter(_ key: String) -> String? { parameters.first { $0.key == key }?.value.text }
    }
}
