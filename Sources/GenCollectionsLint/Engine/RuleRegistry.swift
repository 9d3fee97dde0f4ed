/// Every rule, in the order the docs list them.
public enum RuleRegistry {
    /// All rules.
    public static let all: [any LintRule.Type] = [
        PostmanSchemaRule.self, DuplicateKeyRule.self, LoneSurrogateRule.self,
        URLRawOnlyRule.self, URLRawMismatchRule.self, EnvironmentEnabledFalseRule.self, CertificatePatternRule.self,
        CertificatePortRule.self, CertificateHostRule.self, CertificateFileRule.self, CertificateShadowedRule.self,
        OAuth2AccessTokenRule.self, ProtocolProfileOverrideRule.self, BodyDroppedRule.self,
        UnknownDynamicVariableRule.self,
        UndefinedVariableRule.self, UnusedVariableRule.self, DisabledVariableReferencedRule.self,
        VariableNameSpacesRule.self, DuplicateVariableRule.self,
        PrivateKeyRule.self, HardcodedSecretRule.self, SecretNotTypedRule.self, SecretValueCommittedRule.self,
        DuplicateNameRule.self, EmptyFolderRule.self, MissingTestScriptRule.self, LegacyAuthShapeRule.self,
        InsecureHTTPRule.self, PostmanStructureRule.self,
        NewmanSandboxRule.self, RemoteCodeRule.self,
        FAPIInteractionIDRule.self, FAPIAuthDateRule.self, IdempotencyKeyRule.self, JWSSignatureRule.self,
    ]

    /// The rule with id `id`.
    public static func rule(_ id: String) -> (any LintRule.Type)? { all.first { $0.description.id == id } }

    /// Every rule id.
    public static let ids: Set<String> = Set(all.map { $0.description.id })

    /// The metadata reporters need, for every rule and built-in diagnostic.
    public static var metadata: [RuleMetadata] {
        all.map { RuleMetadata($0.description) }
            + BuiltInDiagnostics.all.map { RuleMetadata(id: $0.id, name: $0.id, summary: $0.summary) }
    }
}

/// What a reporter says about a rule (SARIF `tool.driver.rules`): kept apart from the rule types so reporters
/// only need data.
public struct RuleMetadata: Sendable, Hashable {
    public var id: String
    public var name: String
    public var summary: String
    public var explanation: String
    public var defaultSeverity: String

    public init(
        id: String, name: String, summary: String, explanation: String? = nil, defaultSeverity: String = "error"
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.explanation = explanation ?? summary
        self.defaultSeverity = defaultSeverity
    }

    init(_ description: RuleDescription) {
        self.init(
            id: description.id, name: description.name.replacing(" ", with: ""), summary: description.summary,
            explanation: description.explanation, defaultSeverity: description.defaultSeverity.rawValue)
    }
}
