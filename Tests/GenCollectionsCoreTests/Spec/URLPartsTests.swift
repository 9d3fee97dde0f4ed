import Testing
@testable import GenCollectionsCore

/// URL templates split into the parts Postman stores; ASCII text takes a byte-wise path, other text a
/// character-wise one, and both must split alike.
@Suite struct URLPartsTests {
    @Test func aFullURLSplitsIntoEveryPart() {
        let url = URLParts("https://api.bank.example:8443/open-banking/v3.1/aisp/accounts/:AccountId?limit=10&x#top")
        #expect(url.scheme == "https")
        #expect(url.host == ["api", "bank", "example"])
        #expect(url.port == "8443")
        #expect(url.path == ["open-banking", "v3.1", "aisp", "accounts", ":AccountId"])
        #expect(url.query.map(\.key) == ["limit", "x"] && url.query.map(\.value) == ["10", ""])
        #expect(url.hash == "top")
        #expect(url.pathVariables == ["AccountId"])
    }

    @Test func aVariableHostHasNoSchemeAndKeepsItsBraces() {
        let url = URLParts("{{rs}}/accounts/{{id}}:balances")
        #expect(url.scheme == nil)
        #expect(url.host == ["{{rs}}"])
        #expect(url.port == nil)
        #expect(url.path == ["accounts", "{{id}}:balances"])
    }

    /// `://` after a brace is not a scheme; a colon followed by anything but digits is not a port.
    @Test func schemesAndPortsAreRecognisedOnlyWhereTheyCanBe() {
        #expect(URLParts("{{base}}://x/y").scheme == nil)
        #expect(URLParts("http://host:80a/y").port == nil)
        #expect(URLParts("http://host:80a/y").host == ["host:80a"])
        #expect(URLParts("http://host:/y").port == nil)
    }

    @Test(arguments: [
        ("https://bänk.example:8443/kónto/:Id?q=ü#frag", "https://bänk.example:8443/kónto/:Id?q=ü#frag"),
        ("https://host.example:8443/konto/:Id?q=u#frag", "https://host.example:8443/konto/:Id?q=u#frag"),
    ])
    func nonASCIIAndASCIITextSplitAlike(_ text: String, _ raw: String) {
        let url = URLParts(text)
        #expect(url.raw == raw)
        #expect(url.port == "8443")
        #expect(url.scheme == "https")
        #expect(url.pathVariables == ["Id"])
        #expect(url.hash == "frag")
    }
}
