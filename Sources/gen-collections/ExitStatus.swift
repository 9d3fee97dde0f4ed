import ArgumentParser

/// The exit codes of every command, sysexits values where one fits: the one table that the root help, each
/// command's help (`HelpText`) and the README's table are written from.
enum ExitStatus {
    static let success = ExitCode(0)
    static let failure = ExitCode(1)
    static let usage = ExitCode(64)
    static let noInput = ExitCode(66)
    static let unavailable = ExitCode(69)
    static let cannotCreate = ExitCode(73)

    /// Each code with what it means for every command, in order.
    static let table: [(code: ExitCode, meaning: String)] = [
        (success, "success"),
        (failure, "invalid input, findings, drift or failed checks"),
        (usage, usage64),
        (noInput, "an input file cannot be read"),
        (unavailable, "a network or service failure"),
        (cannotCreate, "an output file cannot be written"),
    ]

    /// What 64 means: ArgumentParser's usage errors and the unknown-command check.
    static let usage64 = "usage error: an unknown command or option, a missing or invalid argument"
}
