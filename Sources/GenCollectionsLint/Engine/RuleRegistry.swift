/// Every rule, in the order the docs list them.
public enum RuleRegistry {
    /// All rules.
    public static let all: [any LintRule.Type] = [
        PostmanSchemaRule.self, DuplicateKeyRule.self,
        URLRawOnlyRule.self, URLRawMismatchRule.self, EnvironmentEnabledFalseRule.self, CertificatePatternRule.self,
        CertificatePortRule.self,
        OAuth2AccessTokenRule.self, ProtocolProfileOverrideRule.self, BodyDroppedRule.self,
        UnknownDynamicVariableRule.self,
        UndefinedVariableRule.self, UnusedVariableRule.self, DisabledVariableReferencedRule.self,
        VariableNameSpacesRule.self,
        PrivateKeyRule.self, HardcodedSecretRule.self, SecretNotTypedRule.self, SecretValueCommittedRule.self,
        DuplicateNameRule.self, EmptyFolderRule.self, MissingTestScriptRule.self, LegacyAuthShapeRule.self,
        InsecureHTTPRule.self,
        FAPIInteractionIDRule.self, FAPIAuthDateRule.self, IdempotencyKeyRule.self,
    ]

    /// The rule with id `id`.
    public static func rule(_ id: String) -> (any LintRule.Type)? { all.first { $0.description.id == id } }

    /// Every rule id.
    public static var ids: Set<String> { Set(all.map { $0.description.id }) }
}
