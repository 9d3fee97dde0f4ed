import ArgumentParser
import GenCollectionsLint

/// `--format`: text (the default), or one report in a machine format on standard output (`DiagnosticReport`).
struct ReportFormatOptions: ParsableArguments {
    @Option(name: .long, help: "The report format: text, json, junit, sarif or github.")
    var format: String = "text"

    var isText: Bool { format == "text" }

    mutating func validate() throws {
        guard let reporter = Reporters.named(format) else {
            throw ValidationError("unknown format '\(format)'; use text, json, junit, sarif or github")
        }
        DiagnosticReport.use(reporter == TextReporter.self ? nil : reporter)
    }
}
