import GenCollectionsBase
import GenCollectionsCore

/// The PSU's pages in `login` mode: a minimal form (no script, every echoed value escaped) that names the sandbox
/// users but never their passwords, and error pages for requests that cannot be redirected.
enum LoginPage {
    static func form(
        bank: String, parameters: [(name: String, value: String)], users: [SandboxUser], consent: StoredConsent,
        message: String?
    ) -> MockResponse {
        let hidden = parameters.filter { !["username", "password", "action"].contains($0.name) }.map {
            "<input type=\"hidden\" name=\"\(escape($0.name))\" value=\"\(escape($0.value))\">"
        }
        let what: String
        switch consent.kind {
        case let .accountAccess(permissions):
            what = "read your accounts (\(permissions.joined(separator: ", ")))"
        case let .domesticPayment(initiation, _):
            let amount = initiation["InstructedAmount"]
            what =
                "make a payment of \(amount?["Amount"]?.text ?? "?") \(amount?["Currency"]?.text ?? "") to "
                + (initiation["CreditorAccount"]?["Name"]?.text ?? "the creditor")
        }
        let body = """
            <h1>\(escape(bank)): log in</h1>
            <p>A third party asks to \(escape(what)).</p>
            <p>Consent <code>\(escape(consent.id))</code>.</p>
            \(message.map { "<p class=\"error\" role=\"alert\">\(escape($0))</p>" } ?? "")
            <form method="post">
            \(hidden.joined(separator: "\n"))
            <label>User <input name="username" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password"></label>
            <button name="action" value="approve">Approve</button>
            <button name="action" value="deny" formnovalidate>Deny</button>
            </form>
            <p>Sandbox users: \(users.map { escape($0.name) }.joined(separator: ", ")).</p>
            """
        return .html(200, page(title: "Log in", body))
    }

    static func error(_ status: Int, _ title: String, _ detail: String) -> MockResponse {
        .html(status, page(title: title, "<h1>\(escape(title))</h1>\n<p>\(escape(detail))</p>"))
    }

    private static func page(title: String, _ body: String) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>body{font-family:sans-serif;max-width:32em;margin:2em auto}label{display:block;margin:.5em 0}\
        .error{color:#a00}</style></head>
        <body>
        \(body)
        </body></html>

        """
    }

    /// HTML text and attribute escaping.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
