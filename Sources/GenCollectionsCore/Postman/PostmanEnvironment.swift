/// A Postman environment file, as the Postman app exports it (minus timestamps, so output is reproducible).
public struct PostmanEnvironment: Sendable, Hashable, Codable {
    public struct Value: Sendable, Hashable, Codable {
        public var key: String
        public var value: String
        /// `default` or `secret`.
        public var type: String
        /// Always true: newman ignores `enabled: false`, so a variable we write is a variable newman uses.
        public var enabled: Bool = true
        public var description: String?
    }

    public var id: String
    public var name: String
    public var values: [Value]
    public var scope: String = "environment"

    enum CodingKeys: String, CodingKey {
        case id, name, values, scope = "_postman_variable_scope"
    }
}
