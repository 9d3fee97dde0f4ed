import GenCollectionsBase

/// Reads auth parameters in both shapes: v2.1 `[{key, value}]` and v2.0 `{key: value}`.
public enum AuthParameters {
    /// The auth objects of a collection: the collection's, each folder's and each request's.
    public static func authNodes(in file: LintedFile) -> [Int] {
        let document = file.document
        var nodes = [document.member(document.root, "auth")].compactMap { $0 }
        for item in file.items {
            if item.isFolder, let auth = document.member(item.node, "auth") { nodes.append(auth) }
        }
        nodes += file.requests.compactMap(\.authNode)
        return nodes.filter { document.kind($0) == .object }
    }

    /// `(key, value node)` for every parameter of the auth object's own type.
    public static func parameters(of auth: Int, in document: JSONDocument) -> [(key: String, value: Int)] {
        guard let type = document.string(auth, "type"), let list = document.member(auth, type) else { return [] }
        switch document.kind(list) {
        case .array:
            return document.elements(list).compactMap { element in
                guard let key = document.string(element, "key"), let value = document.member(element, "value") else {
                    return nil
                }
                return (key, value)
            }
        case .object:
            return document.members(list).compactMap { member in
                document.string(member.key).map { ($0, member.value) }
            }
        default:
            return []
        }
    }
}
