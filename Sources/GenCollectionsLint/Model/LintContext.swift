/// What every file of one run shares.
public struct LintContext: Sendable {
    /// Enabled variables of the environments and globals given with `--env`.
    public var environmentVariables: Set<String>
    /// Variables those files define but disable.
    public var disabledEnvironmentVariables: Set<String>
    /// Whether any `--env` file was given (so "defined nowhere" is a stronger claim).
    public var hasEnvironment: Bool
    /// `matches` patterns of the Newman certificate lists linted in the same run.
    public var certificatePatterns: [String]
    /// The effective configuration.
    public var configuration: LintConfiguration

    public init(
        environmentVariables: Set<String> = [], disabledEnvironmentVariables: Set<String> = [],
        hasEnvironment: Bool = false, certificatePatterns: [String] = [],
        configuration: LintConfiguration = LintConfiguration()
    ) {
        self.certificatePatterns = certificatePatterns
        self.environmentVariables = environmentVariables
        self.disabledEnvironmentVariables = disabledEnvironmentVariables
        self.hasEnvironment = hasEnvironment
        self.configuration = configuration
    }
}
