import GenCollectionsBase
import GenCollectionsCore

extension PostmanImporter {
    /// Postman auth as spec auth: `noauth`, `basic` and `bearer`; other types are warned about and left out
    /// (the request then inherits, as a spec step without auth does).
    mutating func auth(_ value: JSONValue?, at pointer: JSONPointer) -> Spec.Auth? {
        guard let value, let type = value["type"]?.text else { return nil }
        let auth = Postman.Auth(json: value)
        switch type {
        case "noauth":
            return Spec.Auth.none
        case "bearer":
            let token = auth.parameter("token") ?? ""
            uses(token)
            return .bearer(Located(token))
        case "basic":
            let username = auth.parameter("username") ?? ""
            let password = auth.parameter("password") ?? ""
            uses(username)
            uses(password)
            return .basic(username: Located(username), password: Located(password))
        default:
            warn(
                "import-not-carried", "\(ItemText.quote(type)) auth cannot be written in a spec and is left out",
                at: pointer / "type",
                hint: "a spec has none, basic and bearer auth; send the credentials as a header or a token step instead"
            )
            return nil
        }
    }
}
