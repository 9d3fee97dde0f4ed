import Foundation
import GenCollectionsBase
import GenCollectionsCore

extension JSONValue {
    /// Parses a server reply, a token segment or a file with the project's strict reader; nil when it is not JSON.
    static func parse(_ data: Data) -> JSONValue? {
        try? JSONValue(json: data)
    }

    /// The member names of an object, sorted, for messages.
    var sortedKeys: [String] { (members ?? []).map(\.key).sorted() }
}
