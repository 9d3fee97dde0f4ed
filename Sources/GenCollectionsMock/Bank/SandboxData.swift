import GenCollectionsBase
import GenCollectionsCore

/// A sandbox PSU: the user who logs in at the consent page, and their accounts.
public struct SandboxUser: Sendable, Hashable {
    public var name: String
    public var password: String

    public init(name: String, password: String) {
        self.name = name
        self.password = password
    }

    /// Monese's (and Ozone's) sandbox users: each password is the name followed by a dot.
    public static let defaults = ["rora", "mits", "ivsa"].map { SandboxUser(name: $0, password: $0 + ".") }
}

/// Deterministic accounts, balances and transactions per sandbox user: the same user always has the same data.
enum SandboxData {
    struct Account: Sendable, Hashable {
        var id: String
        var currency: String
        var nickname: String
        var sortCodeAccountNumber: String
        var owner: String
        var balance: String
    }

    /// Two accounts per user, ids and numbers derived from the user's name and position in the list.
    static func accounts(of user: SandboxUser, index: Int) -> [Account] {
        (1...2).map { number in
            let serial = 100 * (index + 1) + number
            return Account(
                id: "\(user.name)-\(number)", currency: number == 1 ? "GBP" : "EUR",
                nickname: number == 1 ? "Current account" : "Euro wallet",
                sortCodeAccountNumber: "040004" + String(format8(serial)), owner: user.name,
                balance: "\(1000 * serial / 100).\(String(format: "%02d", serial % 100))")
        }
    }

    private static func format8(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 8 - text.count)) + text
    }

    static let dateTime = "2026-01-01T09:00:00+00:00"

    static func accountJSON(_ account: Account, detail: Bool) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("AccountId", .string(account.id)), ("Status", .string("Enabled")),
            ("StatusUpdateDateTime", .string(dateTime)), ("Currency", .string(account.currency)),
            ("AccountType", .string("Personal")), ("AccountSubType", .string("CurrentAccount")),
            ("Nickname", .string(account.nickname)), ("OpeningDate", .string(dateTime)),
        ]
        if detail {
            members.append(
                (
                    "Account",
                    .array([
                        .object([
                            ("SchemeName", .string("UK.OBIE.SortCodeAccountNumber")),
                            ("Identification", .string(account.sortCodeAccountNumber)),
                            ("Name", .string(account.owner.capitalized)),
                        ])
                    ])
                ))
        }
        return .object(members)
    }

    static func balanceJSON(_ account: Account) -> JSONValue {
        .object([
            ("AccountId", .string(account.id)),
            ("Amount", .object([("Amount", .string(account.balance)), ("Currency", .string(account.currency))])),
            ("CreditDebitIndicator", .string("Credit")), ("Type", .string("InterimAvailable")),
            ("DateTime", .string(dateTime)),
        ])
    }

    /// Three transactions per account, the same on every run.
    static func transactionsJSON(_ account: Account, detail: Bool) -> [JSONValue] {
        let entries = [("12.50", "Debit", "Coffee shop"), ("250.00", "Credit", "Salary"), ("40.00", "Debit", "Books")]
        return entries.enumerated().map { index, entry in
            var members: [(key: String, value: JSONValue)] = [
                ("AccountId", .string(account.id)), ("TransactionId", .string("\(account.id)-t\(index + 1)")),
                ("Amount", .object([("Amount", .string(entry.0)), ("Currency", .string(account.currency))])),
                ("CreditDebitIndicator", .string(entry.1)), ("Status", .string("Booked")),
                ("BookingDateTime", .string("2026-01-0\(index + 2)T10:00:00+00:00")),
            ]
            if detail { members.append(("TransactionInformation", .string(entry.2))) }
            return .object(members)
        }
    }
}
