extension Spec {
    /// Script text written verbatim into the collection, after the generated lines and without the
    /// `// From the spec.` marker: what an adopted collection's own scripts become (`import postman`), so that the
    /// regenerated collection carries them line for line. Spec key `scripts` on the spec (the collection's events),
    /// on flows (the folder's) and on steps (the request's).
    public struct RawScripts: Sendable, Hashable {
        /// The pre-request script, lines separated by `\n`; nil or empty: none.
        public var prerequest: String?
        /// The test script, lines separated by `\n`; nil or empty: none.
        public var test: String?

        public init(prerequest: String? = nil, test: String? = nil) {
            self.prerequest = prerequest
            self.test = test
        }

        public var isEmpty: Bool { (prerequest ?? "").isEmpty && (test ?? "").isEmpty }

        /// The lines of one script, for an `exec` array; empty when there is none.
        static func lines(_ text: String?) -> [String] {
            guard let text, !text.isEmpty else { return [] }
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }

        var prerequestLines: [String] { Self.lines(prerequest) }
        var testLines: [String] { Self.lines(test) }
    }
}
