import GenCollectionsBase

/// For the model's round-trip tests: every typed property read and set again.
public enum PostmanRewrite {
    /// Reads every typed property and writes it back, all the way down: a model that dropped or moved anything it
    /// does not know would change the value.
    public static func rewritten(_ collection: Postman.Collection) -> Postman.Collection {
        var collection = collection
        collection.info = collection.info
        collection.items = collection.items.map(rewritten)
        if let events = collection.events { collection.events = events }
        if let variables = collection.variables { collection.variables = variables }
        if let auth = collection.auth { collection.auth = auth }
        return collection
    }

    public static func rewritten(_ item: Postman.Item) -> Postman.Item {
        var item = item
        if let items = item.items { item.items = items.map(rewritten) }
        if var request = item.request {
            if let url = request.url {
                var copy = url
                if let query = url.query { copy.query = query }
                if let variables = url.variables { copy.variables = variables }
                request.url = copy
            }
            if let header = request.header { request.header = header }
            if let body = request.body { request.body = body }
            if let auth = request.auth { request.auth = auth }
            item.request = request
        }
        if let events = item.events { item.events = events }
        if let responses = item.responses { item.responses = responses }
        if let behavior = item.protocolProfileBehavior { item.protocolProfileBehavior = behavior }
        return item
    }
}
