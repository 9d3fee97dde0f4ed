import Foundation
import GenCollectionsBase
import GenCollectionsCore
import Testing
@testable import GenCollectionsNetwork

@Test func settingAVariableCreatesAnEnvironment() throws {
    let data = try PostmanEnvironmentFile.setting(
        "registrationJwt", to: "a.b.c", in: nil, name: "Bank", file: "env.json")
    #expect(PostmanEnvironmentFile.problem(in: data) == nil)
    #expect(PostmanEnvironmentFile.value(of: "registrationJwt", in: data) == "a.b.c")
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains(#""_postman_variable_scope" : "environment""#))
    #expect(text.contains(#""enabled" : true"#))
    #expect(text.hasSuffix("}\n"))
}

@Test func settingAVariableKeepsEverythingElse() throws {
    let existing = Data(
        """
        {"id": "x", "name": "Mine", "custom": {"a": [1, 2.5, null]},
         "values": [{"key": "rs", "value": "https://rs", "type": "default", "enabled": false},
                    {"key": "registrationJwt", "value": "old", "type": "secret", "description": "kept"}]}
        """.utf8)
    let data = try PostmanEnvironmentFile.setting(
        "registrationJwt", to: "new.jwt.value", in: existing, name: "Ignored",
        file: "env.json")
    let json = try JSONValue(json: data)  // written with sorted keys, as every file of the tool
    #expect(json["name"] == .string("Mine"))
    #expect(json["custom"] == .object([("a", .array([.number("1"), .number("2.5"), .null]))]))
    let values = try #require(json["values"]?.items)
    #expect(values.count == 2)
    #expect(
        values[0]
            == .object([
                ("enabled", .bool(false)), ("key", .string("rs")), ("type", .string("default")),
                ("value", .string("https://rs")),
            ]))
    #expect(
        values[1]
            == .object([
                ("description", .string("kept")), ("key", .string("registrationJwt")),
                ("type", .string("secret")), ("value", .string("new.jwt.value")),
            ]))
}

@Test(arguments: [
    ("<html>Login</html>", "the body is not JSON: '<html>Login</html>'"),
    ("[1]", "the body is JSON but not an object"),
    (#"{"name": "x"}"#, "the body is not a Postman environment (no 'values' array; keys: name)"),
    (#"{"values": [{"key": "a"}]}"#, "values[0] of the environment is not an object with 'key' and 'value'"),
])
func notAnEnvironment(body: String, expected: String) {
    #expect(PostmanEnvironmentFile.problem(in: Data(body.utf8)) == expected)
}

@Test func anInvalidFileIsNotOverwritten() {
    #expect {
        _ = try PostmanEnvironmentFile.setting("k", to: "v", in: Data("nope".utf8), name: "n", file: "env.json")
    } throws: { error in
        "\(error)".hasPrefix("env.json: error: the file is not JSON")
    }
}

@Test func secretFilesAreWrittenAtomicallyForTheUserOnly() throws {
    let folder = try TestKeys.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("sub/secret.json").path
    try SecretFile.write(Data("one".utf8), to: file)
    try SecretFile.write(Data("two".utf8), to: file)
    #expect(SecretFile.mode(of: file) == 0o600)
    #expect(FileManager.default.contents(atPath: file) == Data("two".utf8))
    #expect(
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sub").path) == [
            "secret.json"
        ])
    #expect {
        try SecretFile.write(Data("x".utf8), to: "/proc/not-writable/file")
    } throws: { error in
        (error as? NetworkError)?.kind == .cannotWrite
    }
}

@Test func serverRepliesAreSummarizedOnOneLine() {
    #expect(
        ServerReply.summary(of: Data(#"{"error":"invalid_client","error_description":"bad\nsecret"}"#.utf8))
            == "invalid_client: bad secret")
    #expect(ServerReply.summary(of: Data()) == "(empty body)")
    let long = ServerReply.summary(of: Data(String(repeating: "x", count: 500).utf8))
    #expect(long.count == ServerReply.quoteLimit + 3)
    #expect(long.hasSuffix("…'"))
}

@Test func credentialsRoundTrip() throws {
    let folder = try TestKeys.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("creds.json").path
    let reply = RegistrationResponse(
        clientID: "abc", clientSecret: "s3cret",
        body: Data(#"{"client_id":"abc","client_secret":"s3cret","scope":"openid"}"#.utf8))
    try ClientCredentials.save(reply, to: file)
    #expect(SecretFile.mode(of: file) == 0o600)
    let loaded = try ClientCredentials.load(from: file)
    #expect(loaded.clientID == "abc")
    #expect(loaded.clientSecret == "s3cret")
}
