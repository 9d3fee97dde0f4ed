import GenCollectionsBase

extension SpecLoader {
    /// Loads a spec from a file's bytes: text that is not UTF-8 is refused at its first bad byte, with its line
    /// and column, instead of being read with replacement characters.
    /// - Throws: `DiagnosticsError`, as `load(_:file:)`.
    /// The bytes are consumed: they are freed once decoded into text, before the spec is built.
    public static func load(bytes: consuming [UInt8], file: String) throws -> (spec: Spec, warnings: [Diagnostic]) {
        // The standard library validates in one fast pass; the byte-by-byte decoder only finds where it failed.
        guard let text = String(validating: copy bytes, as: UTF8.self) else { throw notUTF8(bytes, file: file) }
        bytes = []
        return try load(text, file: file)
    }

    private static func notUTF8(_ bytes: [UInt8], file: String) -> DiagnosticsError {
        let offset = SourceLocation.firstInvalidUTF8(in: bytes) ?? 0
        let byte = String(bytes[offset], radix: 16, uppercase: true)
        return DiagnosticsError([
            .error(
                "spec-not-utf8", "the spec is not UTF-8 text: byte 0x\(byte) cannot start or continue a character",
                at: SourceLocation(file: file, offset: offset, in: bytes),
                hint: "save the file as UTF-8 (iconv -f latin1 -t utf-8, or your editor's encoding menu)")
        ])
    }
}
