import Testing
@testable import GenCollectionsLint

/// The least length a value has once Newman replaces its dynamic variables (x-idempotency-key's 40-character check).
struct DynamicVariablesTests {
    @Test(arguments: [
        ("abc", 3), ("", 0), ("{{$guid}}", 36), ("key-{{$guid}}", 40), ("{{$guid}}{{$timestamp}}", 46),
        ("{{$randomInt}}", 1), ("{{$guid}", 8), ("{ {$guid}}", 10), ("é{{$guid}}ü", 38),
        // Newman's token is the innermost `{{…}}`: the first brace stays as text.
        ("{{{$guid}}", 37), ("{{a{{$guid}}}}", 41),
    ])
    func knownLengths(value: String, length: Int) {
        #expect(DynamicVariables.minimumLength(of: value) == length)
    }

    @Test func anotherVariableHasNoKnownLength() {
        #expect(DynamicVariables.minimumLength(of: "{{idempotencyKey}}") == nil)
        #expect(DynamicVariables.minimumLength(of: "x{{$guid}}{{other}}") == nil)
    }
}
