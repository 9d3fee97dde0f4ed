import Foundation
import GenCollectionsBase

/// Script code that works in the Postman app but not in Newman 6's sandbox (postman-sandbox 4.7).
public struct NewmanSandboxRule: LintRule {
    public static let description = RuleDescription(
        id: "newman-sandbox", name: "Newman Sandbox", category: .scripts, defaultSeverity: .error,
        summary: "Scripts may only use modules and APIs Newman 6's sandbox has",
        explanation: """
            Newman 6.2 runs scripts in postman-sandbox 4.7, which is older and smaller than the current Postman \
            app's. `require` only knows `lodash`, `crypto-js`, `uuid` (with only `v4`), `moment`, `chai`, `ajv`, \
            `tv4`, `xml2js`, `cheerio`, `backbone`, `atob`, `btoa`, `csv-parse/lib/sync`, `postman-collection`, \
            `assert`, `json` and the browserified `buffer`, `events`, `path`, `url`, `querystring`, `punycode`, \
            `stream`, `string_decoder`, `util`, `timers`: no `crypto`, `fs`, `http` or npm packages. \
            `pm.require` (the package library), the promise form of `pm.sendRequest` (`await`, `.then`), \
            WebCrypto (`crypto.subtle`) and `pm.vault` exist only in the app. Such a script throws in Newman, so \
            the request's tests never run. Use the listed modules, callbacks for `pm.sendRequest`, or do the work \
            outside Newman.
            """,
        passing: [
            Example(
                #"[{"name": "R", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": ["const CryptoJS = require('crypto-js');", "const { v4 } = require('uuid');", "pm.sendRequest('https://example.com/t', (err, res) => pm.environment.set('t', res.json().token));"]}}]}]"#,
                .items)
        ],
        failing: [
            Example(
                #"[{"name": "R", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": [↓"const crypto = require('crypto');", ↓"const jose = require('jose');", ↓"const res = await pm.sendRequest('https://example.com/t');", ↓"const key = await crypto.subtle.importKey('pkcs8', der, alg, false, ['sign']);", ↓"const lib = pm.require('npm:lodash@4.17.21');", ↓"require('uuid').v5('x', ns);"]}}]}]"#,
                .items)
        ])

    public init() {}

    /// What `require` finds in postman-sandbox 4.7.1 (`lib/environment.js`).
    static let modules: Set<String> = [
        "lodash", "crypto-js", "uuid", "moment", "chai", "ajv", "tv4", "xml2js", "cheerio", "backbone", "atob",
        "btoa", "csv-parse/lib/sync", "postman-collection", "assert", "json", "buffer", "events", "path", "url",
        "querystring", "punycode", "stream", "string_decoder", "util", "timers", "_process",
    ]

    /// App-only APIs: (text to look for, what to say).
    private static let appOnly: [(String, String)] = [
        ("pm.require(", "pm.require (the postman package library) does not exist in newman 6"),
        ("await pm.sendRequest", "pm.sendRequest returns no promise in newman 6; pass a callback"),
        ("pm.sendRequest(", ""),  // checked below for `.then`
        ("crypto.subtle", "webcrypto (crypto.subtle) does not exist in newman 6's sandbox"),
        ("pm.vault", "pm.vault exists only in the postman app"),
        ("pm.execution.runRequest", "pm.execution.runRequest exists only in the postman app"),
    ]

    /// Text every problem line contains; other lines are skipped without decoding them.
    private static let triggers = [
        "require(", "sendRequest", "crypto.subtle", "pm.vault", "runRequest",
    ].map(ByteSearch.Needle.init)

    public func check(_ file: LintedFile) -> [Finding] {
        let document = file.document
        var findings: [Finding] = []
        for script in file.scripts where !script.disabled {
            for line in script.lineNodes {
                guard document.kind(line) == .string,
                    ByteSearch.containsAny(document.bytes, document.byteRange(line), Self.triggers),
                    let text = document.string(line)
                else { continue }
                if let problem = Self.problem(in: text) {
                    findings.append(
                        file.finding(
                            at: line, problem,
                            hint: "use a module newman's sandbox has (crypto-js, uuid, lodash, ...), callbacks for "
                                + "pm.sendRequest, or do this step outside newman"))
                }
            }
        }
        return findings
    }

    /// What on this line fails in Newman, if anything.
    static func problem(in line: String) -> String? {
        for module in requiredModules(in: line) where !modules.contains(module) {
            return "require('\(module)') fails in newman 6: its sandbox has no '\(module)' module"
        }
        if line.contains("require('uuid')") || line.contains("require(\"uuid\")") {
            for version in ["v1", "v3", "v5", "v6", "v7", "validate", "parse"] where line.contains(").\(version)(") {
                return "require('uuid').\(version) does not exist in newman 6: its uuid module only has v4"
            }
        }
        for (needle, message) in appOnly where line.contains(needle) {
            if needle == "pm.sendRequest(" {
                if line.contains(").then(") { return "pm.sendRequest returns no promise in newman 6; pass a callback" }
                continue
            }
            return message
        }
        return nil
    }

    /// The literal module names of `require('name')` calls (not `pm.require`).
    static func requiredModules(in line: String) -> [String] {
        var modules: [String] = []
        var rest = line[...]
        while let range = rest.range(of: "require(") {
            let before = rest[..<range.lowerBound].last
            rest = rest[range.upperBound...]
            guard before != ".", before.map({ !$0.isLetter && !$0.isNumber && $0 != "_" }) ?? true else { continue }
            let argument = rest.drop { $0 == " " }
            guard let quote = argument.first, "'\"`".contains(quote) else { continue }
            let name = argument.dropFirst().prefix { $0 != quote }
            modules.append(String(name))
        }
        return modules
    }
}
