import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write a bundled bank's annotated spec to a file you can edit.",
            discussion: HelpText.discussion(
                """
                Writes the default bank's spec (\(BundledBank.defaultName)) unless --bank names another; \
                'gen-collections banks' lists them.
                """,
                examples: [
                    .init(
                        "The default bank's annotated spec, then a bundle from it",
                        "gen-collections init bank.yaml && gen-collections generate --spec bank.yaml"),
                    .init(
                        "Another bundled bank's, as ozone-model-bank.yaml",
                        "gen-collections init --bank ozone-model-bank"),
                ],
                exitCodes: [
                    (ExitStatus.success, "the spec was written"),
                    (ExitStatus.usage, "usage error, or no bundled bank has that name"),
                    (ExitStatus.cannotCreate, "the file exists (--force replaces it) or cannot be written"),
                ]))

        @Argument(help: "Where to write the spec (default: <bank>.yaml).")
        var path: String?

        @Option(
            help: ArgumentHelp("The bundled bank whose spec to write.", valueName: "name"),
            completion: .list(BundledBank.all.map(\.name)))
        var bank: String = BundledBank.defaultName

        @Flag(name: .long, help: "Replace the file if it exists.")
        var force = false

        func validate() throws {
            if BundledBank.named(bank) == nil { throw ValidationError(BundledBank.unknownBankMessage(bank)) }
        }

        func run() throws {
            let bundled = BundledBank.named(bank) ?? .default
            let path = self.path ?? bundled.fileName
            let url = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: url.path), !force {
                printError("\(path): error: the file exists; pass --force to replace it [output-exists]")
                throw ExitStatus.cannotCreate
            }
            do {
                try ArtifactWriter.write(Data(bundled.text.utf8), to: url)
            } catch {
                report([error.diagnostic])
                throw ExitStatus.cannotCreate
            }
            printText("wrote \(path); generate with: gen-collections generate --spec \(path)")
        }
    }
}
