import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Reads the generator's PSU consent pre-request script back into the consent and the spec's request object
/// (unsigned objects without extra claims). `GeneratedScripts` keeps the result only when the generator renders it
/// again byte for byte.
enum ConsentScriptReader {
    static let firstLinePrefix = "// Builds the PSU consent URL; the runner prints it from the environment variable "

    static func read(_ lines: [String]) -> (consent: Spec.Consent, requestObject: Spec.RequestObject)? {
        guard let first = lines.first, first.hasPrefix(firstLinePrefix), first.hasSuffix("."),
            !lines.contains(where: { $0.contains("alg: \"PS256\"") || $0.hasPrefix("// More claims from the spec") })
        else { return nil }
        func resolved(_ prefix: String, _ suffix: String) -> String? {
            guard let line = lines.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }) else { return nil }
            return GeneratedTestReader.call(
                String(line.dropFirst(prefix.count).dropLast(suffix.count)), "pm.variables.replaceIn"
            ).flatMap(GeneratedTestReader.string)
        }
        func quoted(_ prefix: String, _ suffix: String) -> String? {
            guard let line = lines.first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }) else { return nil }
            return GeneratedTestReader.string(String(line.dropFirst(prefix.count).dropLast(suffix.count)))
        }
        let saveAsText = String(first.dropFirst(firstLinePrefix.count).dropLast())
        guard let saveAs = GeneratedTestReader.string("\"\(saveAsText)\""),
            let clientId = resolved("var clientId = ", ";"),
            let intentId = resolved("var intentId = ", ";"),
            let responseType = quoted("    response_type: ", ","),
            let scope = quoted("    scope: ", ","),
            let redirectUri = resolved("    redirect_uri: ", ","),
            let authorize = resolved("var authorize = ", ";"),
            let audience = resolved("    iss: clientId, aud: ", ", response_type: parameters.response_type,"),
            let codeMarker = lines.firstIndex(
                of: "// A code or a refusal from an earlier consent must not be taken for this one's."),
            codeMarker + 1 < lines.count,
            let code = GeneratedTestReader.call(String(lines[codeMarker + 1].dropLast()), "pm.environment.unset")
                .flatMap(GeneratedTestReader.string)
        else { return nil }
        var requestObject = Spec.RequestObject()
        if let lifetimeLine = lines.first(where: { $0.contains("nbf: now, exp: now + ") }),
            let range = lifetimeLine.range(of: "nbf: now, exp: now + "),
            let lifetime = Int(lifetimeLine[range.upperBound...].dropLast())
        {
            requestObject.lifetime = lifetime
        }
        if let maxAgeLine = lines.first(where: { $0.hasPrefix("    max_age: ") }),
            let maxAge = Int(maxAgeLine.dropFirst("    max_age: ".count).dropLast())
        {
            requestObject.maxAge = maxAge
        }
        if let idToken = lines.first(where: { $0.hasPrefix("        id_token: ") }) {
            if let values = GeneratedTestReader.between(idToken, "values: ", " } }"),
                case let .array(items)? = GeneratedTestReader.json(values)
            {
                requestObject.acr = items.compactMap(\.text)
            } else {
                requestObject.acr = []
            }
        }
        let consent = Spec.Consent(
            authorizeEndpoint: Located(authorize), clientId: Located(clientId), responseType: responseType,
            scope: scope, redirectUri: Located(redirectUri), intentId: Located(intentId), audience: Located(audience),
            saveAs: saveAs, codeVariable: code,
            check: !lines.contains("// The spec says check: false: the URL is the PSU's alone."))
        return (consent, requestObject)
    }
}
