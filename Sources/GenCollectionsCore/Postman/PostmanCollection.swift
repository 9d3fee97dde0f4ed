/// A Postman collection, format v2.1.0: the parts of it this tool writes.
public struct PostmanCollection: Sendable, Hashable, Codable {
    public static let schemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

    public struct Info: Sendable, Hashable, Codable {
        public var postmanID: String
        public var name: String
        public var description: String?
        public var version: String?
        public var schema: String = PostmanCollection.schemaURL

        enum CodingKeys: String, CodingKey {
            case postmanID = "_postman_id", name, description, version, schema
        }
    }

    public var info: Info
    public var item: [Item]
    public var event: [Event]?
    public var variable: [CollectionVariable]?
}

/// A folder or a request; folders hold items in order.
public enum Item: Sendable, Hashable, Codable {
    case folder(Folder)
    case request(RequestItem)

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: ProbeKeys.self)
        self = container.contains(.item) ? .folder(try Folder(from: decoder)) : .request(try RequestItem(from: decoder))
    }

    public func encode(to encoder: Encoder) throws {
        switch self {
        case let .folder(folder): try folder.encode(to: encoder)
        case let .request(request): try request.encode(to: encoder)
        }
    }

    private enum ProbeKeys: String, CodingKey { case item }

    public var name: String {
        switch self {
        case let .folder(folder): return folder.name
        case let .request(request): return request.name
        }
    }
}

public struct Folder: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var description: String?
    public var item: [Item]
    public var event: [Event]?
}

public struct RequestItem: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var description: String?
    public var request: Request
    public var event: [Event]?
    /// Only keys the spec asks for: a value here overrides newman's command-line flags.
    public var protocolProfileBehavior: ProtocolProfileBehavior?
    /// Saved examples: the spec's `response` example of the step.
    public var response: [SavedResponse]? = nil
}

/// A saved example response, as Postman shows it under a request.
public struct SavedResponse: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var originalRequest: Request
    public var status: String
    public var code: Int
    public var previewLanguage: String
    public var header: [KeyValue]
    public var body: String

    enum CodingKeys: String, CodingKey {
        case id, name, originalRequest, status, code, previewLanguage = "_postman_previewlanguage", header, body
    }
}

public struct ProtocolProfileBehavior: Sendable, Hashable, Codable {
    public var followRedirects: Bool?
}

public struct Request: Sendable, Hashable, Codable {
    public var method: String
    public var header: [KeyValue]
    public var body: RequestBody?
    public var url: PostmanURL
    public var auth: PostmanAuth?
    public var description: String?
}

/// A header, query parameter, form field or path variable.
public struct KeyValue: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public var type: String?
    public var description: String?

    public init(key: String, value: String, type: String? = nil, description: String? = nil) {
        self.key = key
        self.value = value
        self.type = type
        self.description = description
    }
}

public struct RequestBody: Sendable, Hashable, Codable {
    public struct Options: Sendable, Hashable, Codable {
        public struct Raw: Sendable, Hashable, Codable { public var language: String }
        public var raw: Raw
    }

    public var mode: String
    public var raw: String?
    public var urlencoded: [KeyValue]?
    public var options: Options?
}

public struct PostmanURL: Sendable, Hashable, Codable {
    public var raw: String
    public var `protocol`: String?
    public var host: [String]?
    public var port: String?
    public var path: [String]?
    public var query: [KeyValue]?
    public var hash: String?
    public var variable: [KeyValue]?
}

/// v2.1 auth: parameters are lists of `{key, value, type}`.
public struct PostmanAuth: Sendable, Hashable, Codable {
    public var type: String
    public var basic: [KeyValue]?
    public var bearer: [KeyValue]?
}

public struct Event: Sendable, Hashable, Codable {
    public struct Script: Sendable, Hashable, Codable {
        public var id: String?
        public var type: String = "text/javascript"
        public var exec: [String]
    }

    /// `prerequest` or `test`.
    public var listen: String
    public var script: Script
}

public struct CollectionVariable: Sendable, Hashable, Codable {
    public var key: String
    public var value: String
    public var type: String?
    public var description: String?
}
