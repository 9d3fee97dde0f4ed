import GenCollectionsBase
import GenCollectionsCore

/// The walk over one collection: collection → spec, folders → flows, requests → steps (the other files of this
/// folder hold the parts). Diagnostics are collected, never thrown, unless the file is not a collection at all.
struct PostmanImporter {
    let document: SourceDocument
    let environment: SourceDocument?
    var diagnostics: [Diagnostic] = []
    /// Every `{{name}}` the spec's checked strings use, in order of first use.
    var referenced: [String] = []
    var referencedSet: Set<String> = []
    /// Variables the recognised generated tests capture, or consent steps save: defined by the flow itself.
    var captured: Set<String> = []
    /// Variables that start a URL (`{{rs}}/accounts`): hosts, when their value is a URL.
    var urlStarts: Set<String> = []
    var stepNames = UniqueNames()
    var stepKeys = UniqueNames()
    var flowKeys = UniqueNames()
    let scriptKnowledge = GeneratedScripts()
    /// The request object the first recognised consent step was generated with.
    var requestObject: Spec.RequestObject?

    init(document: SourceDocument, environment: SourceDocument?) {
        self.document = document
        self.environment = environment
    }

    mutating func warn(_ id: String, _ message: String, at pointer: JSONPointer, hint: String? = nil) {
        diagnostics.append(.warning(id, message, at: document.location(pointer), hint: hint))
    }

    /// Records the `{{variables}}` of a string the spec will check.
    mutating func uses(_ text: String) {
        for name in TemplateReferences.names(in: text) where referencedSet.insert(name).inserted {
            referenced.append(name)
        }
    }

    mutating func run() throws -> Spec {
        let root = document.value
        guard root.members != nil, let info = root["info"], let items = root["item"]?.items else {
            throw DiagnosticsError([
                .error(
                    "import-not-a-collection", "this is not a Postman collection (no 'info' and 'item')",
                    at: document.location(.root),
                    hint: "export the collection from Postman as Collection v2.1 (or v2.0)")
            ])
        }
        let schema = info["schema"]?.text ?? ""
        if !schema.contains("v2.1") && !schema.contains("v2.0") {
            warn(
                "import-unknown-schema", "the collection's schema \(ItemText.quote(schema)) is not v2.0 or v2.1",
                at: .root / "info" / "schema", hint: "read as v2.1; export it from Postman as Collection v2.1")
        }
        let title = info["name"]?.text ?? "Imported collection"
        let name = PostmanImport.specName(file: document.file, title: title)
        let collectionScripts = scripts(of: root, at: .root)
        let collectionAuth = auth(root["auth"], at: .root / "auth")
        var flows = self.flows(items: items, at: .root / "item", inherited: collectionAuth)
        if collectionAuth != nil {
            warn(
                "import-auth-moved",
                "the collection's auth is given to each flow instead (a spec has no collection auth)",
                at: .root / "auth", hint: "the requests run the same; `check` reports the collection's auth as changed")
        }
        // The tool's own collection-level scripts: the generated variables' pre-request lines and the bank-reason
        // test script; anything else is the user's, kept verbatim.
        let generated = scriptKnowledge.collectionPrerequest(collectionScripts.prerequest)
        let bankReason = scriptKnowledge.startsWithBankReason(collectionScripts.test)
        let test = bankReason ? scriptKnowledge.droppingBankReason(collectionScripts.test) : collectionScripts.test
        var variables = self.variables(root["variable"], generated: generated.variables)
        let hosts = self.hosts(from: &variables)
        for index in flows.indices where flows[index].steps.isEmpty {
            warn(
                "import-empty-folder", "folder \(ItemText.quote(flows[index].name.value)) has no requests",
                at: .root / "item", hint: "the spec keeps it as a flow without steps")
        }
        flows.removeAll { $0.steps.isEmpty && $0.name.value.isEmpty }
        return Spec(
            name: Located(name), title: title, description: ItemText.description(info["description"]),
            apiVersion: Postman.Info(json: info).version.flatMap { $0.isEmpty ? nil : $0 }, hosts: hosts,
            variables: variables,
            requestObject: requestObject ?? .init(),
            scripts: Spec.RawScripts(prerequest: generated.rest, test: test), bankReason: bankReason, flows: flows)
    }

    // MARK: - Folders

    /// The flows of a list of items: requests at this level in one flow, then each folder's flows in order.
    mutating func flows(items: [JSONValue], at pointer: JSONPointer, inherited: Spec.Auth?) -> [Spec.Flow] {
        var flows: [Spec.Flow] = []
        var loose: [(JSONValue, JSONPointer)] = []
        for (index, item) in items.enumerated() {
            if item["item"]?.items != nil {
                flows += folderFlows(item, at: pointer / index, path: [], inherited: inherited, parentScripts: .init())
            } else if item.members != nil {
                loose.append((item, pointer / index))
            }
        }
        if !loose.isEmpty {
            warn(
                "import-root-requests", "\(loose.count) request\(loose.count == 1 ? " is" : "s are") not in a folder",
                at: loose[0].1, hint: "a spec keeps requests in flows: they go into the flow 'Requests', first")
            let key = flowKeys.claimKey(for: "Requests", fallback: "requests")
            let steps = loose.map { step($0.0, at: $0.1) }
            flows.insert(Spec.Flow(name: Located("Requests"), key: key, auth: inherited, steps: steps), at: 0)
        }
        return flows
    }

    /// A folder's flow, then its subfolders' flows, named by their path. Subfolders get the scripts and auth
    /// they inherit at run time, so that the flattened requests run as before.
    mutating func folderFlows(
        _ folder: JSONValue, at pointer: JSONPointer, path: [String], inherited: Spec.Auth?,
        parentScripts: Spec.RawScripts
    ) -> [Spec.Flow] {
        let name = folder["name"]?.text ?? ""
        let names = path + [name]
        let own = scripts(of: folder, at: pointer)
        let scripts = Spec.RawScripts(
            prerequest: ItemText.joined(parentScripts.prerequest, own.prerequest),
            test: ItemText.joined(parentScripts.test, own.test))
        let folderAuth = auth(folder["auth"], at: pointer / "auth")
        if folderAuth != nil {
            warn(
                "import-auth-moved", "the auth of folder \(ItemText.quote(name)) is given to its requests instead",
                at: pointer / "auth",
                hint: "a flow's auth applies to its steps; `check` reports the folder's auth as changed")
        }
        let flowAuth = folderAuth ?? inherited
        let items = folder["item"]?.items ?? []
        var steps: [Spec.Step] = []
        var subfolders: [(JSONValue, JSONPointer)] = []
        for (index, item) in items.enumerated() {
            if item["item"]?.items != nil {
                subfolders.append((item, pointer / "item" / index))
            } else if item.members != nil {
                steps.append(step(item, at: pointer / "item" / index))
            }
        }
        if !path.isEmpty {
            warn(
                "import-nested-folder",
                "folder \(ItemText.quote(names.joined(separator: " / "))) is nested: it becomes a flow of that name",
                at: pointer, hint: "a spec has one level of flows; `check` reports the nesting as changed")
        }
        var flows: [Spec.Flow] = []
        let flowName = names.joined(separator: " / ")
        if !steps.isEmpty || subfolders.isEmpty {
            flows.append(
                Spec.Flow(
                    name: Located(flowName), key: flowKeys.claimKey(for: flowName, fallback: "flow"),
                    description: ItemText.description(folder["description"]), auth: flowAuth, steps: steps,
                    scripts: scripts))
        }
        for (subfolder, subpointer) in subfolders {
            flows += folderFlows(subfolder, at: subpointer, path: names, inherited: flowAuth, parentScripts: scripts)
        }
        return flows
    }

    /// An item's pre-request and test scripts, verbatim; other events are warned about.
    mutating func scripts(of item: JSONValue, at pointer: JSONPointer) -> Spec.RawScripts {
        var scripts = Spec.RawScripts()
        for (index, event) in (item["event"]?.items ?? []).enumerated() {
            let lines = Postman.Event(json: event).lines
            if event["disabled"] == .bool(true) {
                warn(
                    "import-not-carried", "a disabled script is left out", at: pointer / "event" / index,
                    hint: "a spec has no disabled scripts; copy it into the spec by hand if you still need it")
                continue
            }
            guard !lines.isEmpty else { continue }
            let text = lines.joined(separator: "\n")
            switch event["listen"]?.text {
            case "prerequest": scripts.prerequest = ItemText.joined(scripts.prerequest, text)
            case "test": scripts.test = ItemText.joined(scripts.test, text)
            default:
                warn(
                    "import-not-carried",
                    "a script for \(ItemText.quote(event["listen"]?.text ?? "")) is left out",
                    at: pointer / "event" / index, hint: "a spec has pre-request and test scripts only")
            }
        }
        return scripts
    }
}
