import GenCollectionsBase

/// Where a collection's auth objects are and which requests each applies to (their parameters:
/// `Postman.authParameters`).
public enum AuthParameters {
    /// The auth objects of a collection: the collection's, each folder's and each request's.
    public static func authNodes(in file: LintedFile) -> [Int] {
        let document = file.document
        var nodes = [document.member(file.root, "auth")].compactMap { $0 }
        for item in file.items {
            if item.isFolder, let auth = document.member(item.node, "auth") { nodes.append(auth) }
        }
        nodes += file.requests.compactMap(\.authNode)
        return nodes.filter { document.kind($0) == .object }
    }

    /// For each auth object, the requests (positions in `LintedFile.requests`) it applies to: a request's own
    /// `auth`, else the nearest folder's, else the collection's (postman-collection's `Item#getAuth`).
    public static func requestsByEffectiveAuth(in file: LintedFile) -> [Int: [Int]] {
        let document = file.document
        // Folders precede their contents, so each item's inherited auth is known when it is reached.
        var inherited = [Int?](repeating: nil, count: file.items.count)
        let collectionAuth = document.member(file.root, "auth")
        for (index, item) in file.items.enumerated() {
            let parentAuth = item.parent.map { inherited[$0] } ?? collectionAuth
            inherited[index] = item.isFolder ? (document.member(item.node, "auth") ?? parentAuth) : parentAuth
        }
        var users: [Int: [Int]] = [:]
        for (position, request) in file.requests.enumerated() {
            if let auth = request.authNode ?? inherited[request.item] { users[auth, default: []].append(position) }
        }
        return users
    }

}
