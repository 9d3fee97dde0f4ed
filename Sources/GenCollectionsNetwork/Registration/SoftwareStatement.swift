import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// The software statement assertion (SSA) from the Open Banking Directory: a JWS whose claims name the
/// software (`software_id`), its redirect URIs and its roles. Read without checking its signature: the bank
/// does that; here it only supplies defaults and consistency checks.
public struct SoftwareStatement: Sendable {
    /// The SSA exactly as it is sent, whitespace trimmed.
    public var value: String
    /// The SSA's claims when it is a readable JWS, else nil.
    public var claims: JSONValue?

    /// Wraps an SSA value.
    public init(_ value: String) {
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        claims = try? RegistrationJWT.parts(of: self.value).claims
    }

    /// `software_id`, the default `iss` of the registration JWT.
    public var softwareID: String? { claims?["software_id"]?.text }
    /// `software_redirect_uris`, the default and the allowed set of `redirect_uris`.
    public var redirectURIs: [String]? { claims?["software_redirect_uris"]?.items?.compactMap(\.text) }
    /// `software_roles`, e.g. AISP, PISP.
    public var roles: [String]? { claims?["software_roles"]?.items?.compactMap(\.text) }

    /// Reads the SSA from `-` (standard input), a file, or the argument itself when it is not a file path but
    /// looks like a JWS (three base64url parts).
    /// - Throws: `NetworkError` when the argument names no readable file and is not a JWS.
    public static func read(_ argument: String) throws -> SoftwareStatement {
        if argument == "-" {
            return SoftwareStatement(String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            guard let data = try? InputFile.read(argument) else {
                throw NetworkError(
                    .unreadableInput, id: "register-unreadable-ssa", "cannot read the software statement",
                    file: argument, hint: "check the file's permissions")
            }
            return SoftwareStatement(String(decoding: data, as: UTF8.self))
        }
        let parts = argument.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ Base64URL.decode($0) != nil }) else {
            throw NetworkError(
                .unreadableInput, id: "register-unreadable-ssa",
                "the software statement '\(argument.prefix(40))' is neither a readable file nor a JWS",
                hint: "pass the SSA file downloaded from the Directory, '-' for standard input, or the JWS")
        }
        return SoftwareStatement(argument)
    }
}
