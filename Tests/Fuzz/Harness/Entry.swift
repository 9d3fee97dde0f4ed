import Foundation
import GenCollectionsFuzzTargets

/// libFuzzer's driver, which `-sanitize=fuzzer` links in: SwiftPM gives an executable its own `main`, so the harness
/// hands its arguments to the driver instead of using libFuzzer's `main`.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The fuzz target of this run, from GEN_COLLECTIONS_FUZZ_TARGET (set by scripts/fuzz).
let fuzzTarget = ProcessInfo.processInfo.environment["GEN_COLLECTIONS_FUZZ_TARGET"] ?? "spec"

@main
enum FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = runFuzzerDriver(&argc, &argv) { data, size in
            let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
            FuzzTargets.run(fuzzTarget, bytes)
            return 0
        }
        exit(status)
    }
}
