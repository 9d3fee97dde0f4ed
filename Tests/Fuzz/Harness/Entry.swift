import Foundation

/// libFuzzer's entry point; the target comes from GEN_COLLECTIONS_FUZZ_TARGET (set by scripts/fuzz).
private let target = ProcessInfo.processInfo.environment["GEN_COLLECTIONS_FUZZ_TARGET"] ?? "spec"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTargets.run(target, bytes)
    return 0
}
