import ArgumentParser
import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension GenCollectionsCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the embedded Monese sandbox spec to a file you can edit.")

        @Argument(help: "Where to write the spec.")
        var path: String = DefaultSpec.fileName

        @Flag(name: .long, help: "Replace the file if it exists.")
        var force = false

        func run() throws {
            let url = URL(fileURLWithPath: path)
            if FileManager.default.fileExists(atPath: url.path), !force {
                printError("\(path): error: the file exists; pass --force to replace it [output-exists]")
                throw ExitStatus.failure
            }
            do {
                try ArtifactWriter.write(Data(DefaultSpec.text.utf8), to: url)
            } catch {
                report([error.diagnostic])
                throw ExitStatus.cannotCreate
            }
            printText("wrote \(path); generate with: gen-collections generate --spec \(path)")
        }
    }
}
