import GenCollectionsBase

/// A value of a spec, with the place it was read from when it was read from a file, so later stages can point at
/// it. A spec built in code (by an importer, say) has no locations.
///
/// Two located values are equal when their values are: where a value was read is not part of it, so a spec read
/// back from its written form equals the spec it was written from.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    /// `file:line:column` of the value in the spec file; nil for a value built in code.
    public var location: SourceLocation?

    public init(_ value: Value, at location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }

    public static func == (lhs: Located, rhs: Located) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// `"{{rs}}/accounts"` where a `Located<String>` is expected, for specs built in code.
extension Located: ExpressibleByUnicodeScalarLiteral, ExpressibleByExtendedGraphemeClusterLiteral,
    ExpressibleByStringLiteral
where Value == String {
    public init(stringLiteral value: String) { self.init(value) }
}
