import GenCollectionsBase
import Foundation

/// Field-by-field comparison of one generated item (request or folder) with the file's, shared by the drift
/// checker and the collection merger (which reports the same findings as the changes it applies).
struct ItemComparison {
    let file: String
    let location: [String]
    /// The item's pointer in the file on disk (`""` for the file's root), once it is matched.
    var pointer: String?
    var findings: [Drift.Finding] = []

    init(file: String, location: [String], pointer: String? = nil) {
        self.file = file
        self.location = location
        self.pointer = pointer
    }

    mutating func add(_ field: String, _ change: Drift.Change, _ detail: String? = nil) {
        findings.append(
            Drift.Finding(
                file: file, location: location, field: field, change: change, detail: detail, pointer: pointer))
    }

    /// Quoted for a one-line report, cut at 80 characters.
    static func quote(_ text: String) -> String {
        let short = text.count > 80 ? String(text.prefix(77)) + "..." : text
        return JSONValue.quoted(short)
    }

    mutating func compareName(generated: JSONValue, file: JSONValue) {
        let (spec, disk) = (generated["name"]?.text ?? "", file["name"]?.text ?? "")
        if spec != disk { add("name", .changed, "\(Self.quote(disk)) in the file, \(Self.quote(spec)) from the spec") }
    }

    /// Descriptions belong to the user once generated: an edited one is kept, a missing one is drift; the generator's
    /// notes on unsupported steps stay the generator's (`UnsupportedNote`).
    mutating func compareDescription(generated: JSONValue?, file: JSONValue?) {
        let spec = PostmanNormalization.description(generated)
        let disk = PostmanNormalization.description(file)
        if spec == disk { return }
        if let spec, let disk, UnsupportedNote.differOnlyInNotes(spec, disk) {
            add(
                "description", .changed,
                "only the generator's note on unsupported steps differs: pass --include-unsupported exactly when "
                    + "generate was given it")
            return
        }
        if disk == nil {
            add("description", .added)
        } else {
            add("description", .kept, spec == nil ? "the user's own" : "edited in the file; differs from the spec")
        }
    }

    mutating func compareRequest(generated: JSONValue, file: JSONValue) {
        let spec = RequestView(generated)
        let disk = RequestView(file)
        if spec.method != disk.method {
            add("method", .changed, "\(disk.method) in the file, \(spec.method) from the spec")
        }
        if spec.url != disk.url {
            add("url", .changed, "\(Self.quote(disk.url)) in the file, \(Self.quote(spec.url)) from the spec")
        }
        if !PostmanNormalization.equal(.array(spec.urlVariables), .array(disk.urlVariables)) {
            add("path variables", .changed)
        }
        compareHeaders(spec.headers, disk.headers)
        compareMember("body", spec.body, disk.body)
        compareMember("auth", spec.auth, disk.auth)
        compareMember("protocolProfileBehavior", spec.protocolProfileBehavior, disk.protocolProfileBehavior)
        let examples = file["response"]?.items?.count ?? 0
        if examples > 0 { add("response examples", .kept, "\(examples) saved example\(examples == 1 ? "" : "s")") }
    }

    private mutating func compareHeaders(
        _ spec: [(key: String, value: String, disabled: Bool)],
        _ disk: [(key: String, value: String, disabled: Bool)]
    ) {
        for header in spec {
            guard let found = disk.first(where: { $0.key.lowercased() == header.key.lowercased() }) else {
                add("header \(header.key)", .added, Self.quote(header.value))
                continue
            }
            if found.value != header.value {
                add(
                    "header \(header.key)", .changed,
                    "\(Self.quote(found.value)) in the file, \(Self.quote(header.value)) from the spec")
            } else if found.disabled {
                add("header \(header.key)", .changed, "disabled in the file")
            }
        }
        for header in disk where !spec.contains(where: { $0.key.lowercased() == header.key.lowercased() }) {
            add("header \(header.key)", .removed, Self.quote(header.value))
        }
    }

    private mutating func compareMember(_ field: String, _ spec: JSONValue?, _ disk: JSONValue?) {
        if PostmanNormalization.equal(spec, disk) { return }
        if PostmanNormalization.isAbsent(disk) {
            add(field, .added)
        } else if PostmanNormalization.isAbsent(spec) {
            add(field, .removed)
        } else {
            add(field, .changed, field == "body" ? bodySummary(disk, spec) : nil)
        }
    }

    private func bodySummary(_ disk: JSONValue?, _ spec: JSONValue?) -> String? {
        let (a, b) = (disk?["mode"]?.text ?? "none", spec?["mode"]?.text ?? "none")
        return a == b ? nil : "mode \(a) in the file, \(b) from the spec"
    }

    /// Generated script lines must all be there, in order; other lines are the user's own.
    mutating func compareScripts(generated: JSONValue, file: JSONValue) {
        // The same script text under the same events has every line in place (most items of a drifted file).
        if Self.scriptTexts(generated) == Self.scriptTexts(file) { return }
        let spec = RequestView.scripts(generated)
        let disk = RequestView.scripts(file)
        for listen in ["prerequest", "test"]
            + Set(spec.keys).union(disk.keys).subtracting(["prerequest", "test"]).sorted()
        {
            let field = listen == "prerequest" ? "pre-request script" : "\(listen) script"
            let specLines = spec[listen]?.lines ?? []
            let diskLines = disk[listen]?.lines ?? []
            let comparison = ScriptLines.compare(generated: specLines, file: diskLines)
            if !comparison.missing.isEmpty {
                let change: Drift.Change =
                    diskLines.allSatisfy({ ScriptLines.comparable($0).isEmpty }) ? .added : .changed
                let count = comparison.missing.count
                add(
                    field, change,
                    "\(count) generated line\(count == 1 ? "" : "s") missing or different, first: "
                        + Self.quote(comparison.missing[0].trimmingCharacters(in: .whitespaces)))
            }
            if !comparison.extra.isEmpty {
                let count = comparison.extra.count
                add(field, .kept, "\(count) line\(count == 1 ? "" : "s") of the user's own")
            }
        }
    }

    /// Each event's `listen` and script `exec`, in order: what the script comparison reads.
    private static func scriptTexts(_ item: JSONValue) -> [JSONValue?] {
        (item["event"]?.items ?? []).flatMap { [$0["listen"], $0["script"]?["exec"]] }
    }
}
