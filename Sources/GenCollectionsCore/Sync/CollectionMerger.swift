import GenCollectionsBase
import Foundation

/// Rebuilds a collection file from the newly generated collection, keeping what the user added in Postman.
///
/// The spec owns the structure (folders and requests, their order, names, ids), and every request's method,
/// URL, headers, body, auth and `protocolProfileBehavior`: where the file differs, the spec wins and the drift
/// report shows the file's old value. The user owns descriptions they edited (a non-empty description in the
/// file is kept), saved examples (`response`), script lines the generator does not produce (see
/// `ScriptLines.merge`), members the generator does not write, and requests and folders the spec does not
/// know (kept where they were: at the end of their folder, or at the end of the collection when their folder is
/// gone). Requests and folders generated from an earlier spec (version 5 ids) that the spec no longer has are
/// removed; a conflict lists what the user had added to them.
struct CollectionMerger {
    /// The matched trees the merge is built on.
    let comparison: CollectionComparison
    /// What sync replaced or dropped, said explicitly.
    private(set) var conflicts: [Drift.Finding] = []

    private static let ownedItemKeys: Set<String> = [
        "id", "name", "request", "event", "description", "response",
        "protocolProfileBehavior", "item", "auth",
    ]
    private static let ownedRequestKeys: Set<String> = ["method", "header", "body", "url", "auth", "description"]

    /// A merger of the file's collection `disk` into the newly generated one.
    init(file: String, generated: JSONValue, disk: JSONValue) {
        comparison = CollectionComparison(file: file, generated: generated, disk: disk)
    }

    /// The merged collection.
    mutating func merge() -> JSONValue {
        let (generated, disk) = (comparison.generated, comparison.disk)
        var root = Self.withUserMembers(generated, from: disk, owned: ["info", "item", "event", "variable", "auth"])
        var info = Self.withUserMembers(
            generated["info"] ?? .object([]), from: disk["info"] ?? .object([]),
            owned: ["_postman_id", "name", "description", "version", "schema"])
        info["description"] = Self.description(
            generated: generated["info"]?["description"], file: disk["info"]?["description"])
        root["info"] = info
        root["event"] = mergeEvents(generated: generated, file: disk, location: [])
        let userVariables = (disk["variable"]?.items ?? []).filter { variable in
            !(generated["variable"]?.items ?? []).contains { $0["key"] == variable["key"] }
        }
        let variables = (generated["variable"]?.items ?? []) + userVariables
        root["variable"] = variables.isEmpty ? nil : .array(variables)
        if comparison.diskTree.skippedEntries > 0 {
            conflicts.append(
                .init(
                    file: comparison.file, field: "item", change: .conflict,
                    detail: "dropped \(comparison.diskTree.skippedEntries) entries that are not Postman items"))
        }
        root["item"] = .array(mergeChildren(comparison.generatedTree.rootChildren) + leftovers(ofFileFolder: nil))
        return root
    }

    // MARK: - Items

    private mutating func mergeChildren(_ children: [CollectionTree.Child]) -> [JSONValue] {
        children.map { child in
            switch child {
            case .folder(let index): return mergeFolder(index)
            case .request(let index): return mergeRequest(index)
            }
        }
    }

    private mutating func mergeFolder(_ index: Int) -> JSONValue {
        let node = comparison.generatedTree.folders[index]
        let items = mergeChildren(node.children)
        guard let match = comparison.folderMatches[index] else {
            var folder = node.value
            folder["item"] = .array(items)
            return folder
        }
        let found = comparison.diskTree.folders[match].value
        var folder = Self.withUserMembers(node.value, from: found, owned: Self.ownedItemKeys)
        folder["description"] = Self.description(generated: node.value["description"], file: found["description"])
        folder["event"] = mergeEvents(generated: node.value, file: found, location: node.names)
        folder["item"] = .array(items + leftovers(ofFileFolder: match))
        return folder
    }

    private mutating func mergeRequest(_ index: Int) -> JSONValue {
        let node = comparison.generatedTree.requests[index]
        guard let match = comparison.requestMatches[index] else { return node.value }
        let found = comparison.diskTree.requests[match].value
        var item = Self.withUserMembers(node.value, from: found, owned: Self.ownedItemKeys)
        item["description"] = Self.description(
            generated: node.value["description"],
            file: CollectionComparison.requestDescription(found))
        item["event"] = mergeEvents(generated: node.value, file: found, location: node.names)
        if let examples = found["response"], !PostmanNormalization.isAbsent(examples) { item["response"] = examples }
        if let request = node.value["request"], let fileRequest = found["request"], fileRequest.members != nil {
            item["request"] = Self.withUserMembers(request, from: fileRequest, owned: Self.ownedRequestKeys)
        }
        return item
    }

    /// The file's items in a folder (or the root) that nothing generated matched: the user's own are kept.
    private mutating func leftovers(ofFileFolder folder: Int?) -> [JSONValue] {
        let matchedFolders = Set(comparison.folderMatches.compactMap { $0 })
        let matchedRequests = Set(comparison.requestMatches.compactMap { $0 })
        var kept: [JSONValue] = []
        for child in comparison.diskTree.children(of: folder) {
            switch child {
            case .request(let index) where !matchedRequests.contains(index):
                let node = comparison.diskTree.requests[index]
                if PostmanNormalization.wasGenerated(node.value) {
                    reportDropped(node)
                } else {
                    kept.append(node.value)
                }
            case .folder(let index) where !matchedFolders.contains(index):
                let node = comparison.diskTree.folders[index]
                let items = leftovers(ofFileFolder: index)
                if PostmanNormalization.wasGenerated(node.value) && items.isEmpty { continue }
                if PostmanNormalization.wasGenerated(node.value) {
                    conflicts.append(
                        .init(
                            file: comparison.file, location: node.names, field: "folder", change: .conflict,
                            detail: "no longer in the spec; kept because it holds requests of the user's own"))
                }
                var keptFolder = node.value
                keptFolder["item"] = .array(items)
                kept.append(keptFolder)
            default:
                continue
            }
        }
        return kept
    }

    /// A request the spec removed: what the user had added to it is listed so that it is not lost silently.
    private mutating func reportDropped(_ node: CollectionTree.Node) {
        let examples = node.value["response"]?.items?.count ?? 0
        let userLines = RequestView.scripts(node.value).values.flatMap(\.lines).filter {
            !ScriptLines.comparable($0).isEmpty
        }
        guard examples > 0 else { return }
        conflicts.append(
            .init(
                file: comparison.file, location: node.names, field: "request", change: .conflict,
                detail: "removed with the spec, and with it \(examples) saved example\(examples == 1 ? "" : "s") "
                    + "and \(userLines.count) script lines; restore them from the old file if needed"))
    }

    // MARK: - Scripts and members

    /// Generated scripts with the user's lines merged in; the file's scripts for events the spec has none of.
    private mutating func mergeEvents(generated: JSONValue, file: JSONValue, location: [String]) -> JSONValue? {
        let fileScripts = RequestView.scripts(file)
        var events: [JSONValue] = []
        var listens = Set<String>()
        for var event in generated["event"]?.items ?? [] {
            guard let listen = event["listen"]?.text, var script = event["script"] else { continue }
            listens.insert(listen)
            let merge = ScriptLines.merge(
                generated: Postman.Event.lines(of: script["exec"]), file: fileScripts[listen]?.lines ?? [])
            script["exec"] = .array(merge.lines.map(JSONValue.string))
            event["script"] = script
            events.append(event)
            if !merge.replaced.isEmpty {
                let count = merge.replaced.count
                conflicts.append(
                    .init(
                        file: comparison.file, location: location,
                        field: listen == "prerequest" ? "pre-request script" : "\(listen) script",
                        change: .conflict,
                        detail: "\(count) line\(count == 1 ? "" : "s") of the file replaced by the spec's, first: "
                            + ItemComparison.quote(merge.replaced[0].trimmingCharacters(in: .whitespaces))))
            }
        }
        for event in file["event"]?.items ?? [] where !listens.contains(event["listen"]?.text ?? "") {
            events.append(event)
        }
        return events.isEmpty ? nil : .array(events)
    }

    /// The file's description when the user has one, else the spec's (also when the file's differs from the spec's
    /// only in the generator's notes on unsupported steps).
    static func description(generated: JSONValue?, file: JSONValue?) -> JSONValue? {
        guard let disk = PostmanNormalization.description(file) else { return generated }
        if let spec = PostmanNormalization.description(generated), UnsupportedNote.differOnlyInNotes(spec, disk) {
            return generated
        }
        return file
    }

    /// `generated` plus the members of `file` it does not own and does not have, in the file's order; export
    /// metadata (`_exporter_id`, `_postman_exported_at`, …) is dropped.
    static func withUserMembers(_ generated: JSONValue, from file: JSONValue, owned: Set<String>) -> JSONValue {
        var result = generated
        for (key, value) in file.members ?? []
        where !owned.contains(key) && !PostmanNormalization.exportKeys.contains(key) && result[key] == nil {
            result[key] = value
        }
        return result
    }
}
