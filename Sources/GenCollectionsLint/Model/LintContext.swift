/// What every file of one run shares.
public struct LintContext: Sendable {
    /// Enabled variables of the environments and globals given with `--env`.
    public var environmentVariables: Set<String>
    /// Values of those variables (the last file's wins, as in newman), for rules that follow them to hosts.
    public var environmentValues: [String: String] = [:]
    /// Variables those files define but disable.
    public var disabledEnvironmentVariables: Set<String>
    /// Whether any `--env` file was given (so "defined nowhere" is a stronger claim).
    public var hasEnvironment: Bool
    /// The Newman certificate lists linted in the same run.
    public var certificateLists: [CertificateList]
    /// Whether a file exists, for the certificate-file rule (nil: the rule does not run, as in pure library use).
    public var fileExists: (@Sendable (String) -> Bool)?
    /// Whether only the file's owner may read it (mode 0600, as `generate --env` and `fetch-env` write files that
    /// hold secrets); nil: unknown, as in pure library use.
    public var isPrivate: (@Sendable (String) -> Bool)?
    /// The directory Newman is assumed to run from besides a certificate list's own directory (the lint run's).
    public var workingDirectory: String?
    /// The effective configuration.
    public var configuration: LintConfiguration

    public init(
        environmentVariables: Set<String> = [], disabledEnvironmentVariables: Set<String> = [],
        hasEnvironment: Bool = false, certificateLists: [CertificateList] = [],
        configuration: LintConfiguration = LintConfiguration()
    ) {
        self.certificateLists = certificateLists
        self.environmentVariables = environmentVariables
        self.disabledEnvironmentVariables = disabledEnvironmentVariables
        self.hasEnvironment = hasEnvironment
        self.configuration = configuration
    }
}
