import Foundation
import GenCollectionsBase
import GenCollectionsCore

/// Reads and edits Postman environment files as JSON, keeping every key and value this tool does not touch.
public enum PostmanEnvironmentFile {
    /// Why `data` is not a Postman environment (an object whose `values` is an array of `{key, value}`),
    /// or nil when it is one.
    public static func problem(in data: Data) -> String? {
        guard let json = JSONValue.parse(data) else {
            return "the body is not JSON: " + ServerReply.summary(of: data)
        }
        guard json.members != nil else { return "the body is JSON but not an object" }
        guard let values = json["values"]?.items else {
            return "the body is not a Postman environment (no 'values' array; keys: "
                + json.sortedKeys.joined(separator: ", ") + ")"
        }
        for (index, item) in values.enumerated() {
            guard item.members != nil, item["key"]?.text != nil, item["value"] != nil else {
                return "values[\(index)] of the environment is not an object with 'key' and 'value'"
            }
        }
        return nil
    }

    /// The number of variables in a valid environment file.
    public static func variableCount(in data: Data) -> Int {
        JSONValue.parse(data)?["values"]?.items?.count ?? 0
    }

    /// The value of `key` in an environment file, when present and a string.
    public static func value(of key: String, in data: Data) -> String? {
        JSONValue.parse(data)?["values"]?.items?.first { $0["key"]?.text == key }?["value"]?.text
    }

    /// Sets `key` to `value` in an environment, creating the file's content when `existing` is nil.
    /// An existing entry keeps its other fields (type, description); a new one is `default` and enabled.
    /// - Parameters:
    ///   - name: the environment's name, used only when creating it.
    /// - Returns: the new file content, in the tool's JSON style (sorted keys, two-space indent, final newline).
    /// - Throws: `NetworkError` when `existing` is not a Postman environment.
    public static func setting(
        _ key: String, to value: String, in existing: Data?, name: String,
        file: String
    ) throws -> Data {
        var environment: JSONValue
        if let existing {
            if let problem = problem(in: existing) {
                throw NetworkError(
                    .invalidInput, id: "environment-invalid",
                    problem.replacingOccurrences(of: "the body", with: "the file"), file: file,
                    hint: "give a Postman environment file, or a path that does not exist yet")
            }
            environment = JSONValue.parse(existing)!
        } else {
            environment = .object([
                ("id", .string(PostmanJSON.stableID("environment:\(name)"))), ("name", .string(name)),
                ("values", .array([])), ("_postman_variable_scope", .string("environment")),
            ])
        }
        var values = environment["values"]?.items ?? []
        if let index = values.firstIndex(where: { $0["key"]?.text == key }) {
            values[index]["value"] = .string(value)
        } else {
            values.append(
                .object([
                    ("key", .string(key)), ("value", .string(value)), ("type", .string("default")),
                    ("enabled", .bool(true)),
                ]))
        }
        environment["values"] = .array(values)
        return environment.postmanData()
    }
}
