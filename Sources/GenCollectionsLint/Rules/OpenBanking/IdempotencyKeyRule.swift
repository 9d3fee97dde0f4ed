/// Payment POSTs must carry a fresh `x-idempotency-key` of at most 40 characters.
public struct IdempotencyKeyRule: LintRule {
    public static let description = RuleDescription(
        id: "idempotency-key", name: "Idempotency Key", category: .openBanking, defaultSeverity: .error,
        summary: "Open Banking payment POSTs need an x-idempotency-key header of at most 40 characters",
        explanation: """
            Payment initiation POSTs (payment consents and payments: domestic, scheduled, standing orders, \
            international, file payments and their file uploads, variable recurring payments) require \
            `x-idempotency-key`: at most 40 characters, kept 24 hours. Banks reject the call without it, and a \
            literal key makes every Newman run after the first a replay. Use `{{$guid}}` (36 characters) or a \
            variable a pre-request script refreshes; a key a pre-request script adds counts. A key built from \
            dynamic variables is measured: `{{$guid}}-{{$timestamp}}` is 47 characters, too long.
            """,
        passing: [
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payment-consents", "header": [{"key": "x-idempotency-key", "value": "{{$guid}}"}]}"#
            ),
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/aisp/account-access-consents", "header": []}"#
            ),
            Example(
                #"[{"name": "VRP", "request": {"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-vrps", "header": [{"key": "x-fapi-interaction-id", "value": "{{$guid}}"}]}, "event": [{"listen": "prerequest", "script": {"exec": ["pm.request.headers.upsert({key: 'x-idempotency-key', value: pm.variables.replaceIn('{{$guid}}')});"]}}]}]"#,
                .items),
        ],
        failing: [
            Example(
                #"{"method": ↓"POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payments", "header": [{"key": "x-fapi-interaction-id", "value": "{{$guid}}"}]}"#
            ),
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payments", "header": [{"key": "x-idempotency-key", "value": ↓"key-1"}]}"#
            ),
            Example(
                #"{"method": ↓"POST", "url": "https://rs.example.com/open-banking/v3.1/vrp/domestic-vrp-consents", "header": []}"#
            ),
            Example(
                #"{"method": ↓"POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/file-payment-consents/{{consentId}}/file", "header": []}"#
            ),
            Example(
                #"{"method": "POST", "url": "https://rs.example.com/open-banking/v3.1/pisp/domestic-payments", "header": [{"key": "x-idempotency-key", "value": ↓"{{$guid}}-{{$timestamp}}"}]}"#
            ),
        ])

    public init() {}

    /// Last path segments of idempotent payment POSTs.
    private static let endpoints = [
        "payment-consents", "payments", "standing-order-consents", "standing-orders", "vrp-consents", "vrps",
    ]
    /// The longest key the specification allows.
    static let maximumLength = 40

    /// The lowercased last path segment of a URL, query and fragment removed.
    static func lastPathSegment(_ url: String) -> String {
        // The last non-empty segment before the query, found on bytes when each character is one (it is named in
        // a finding per request).
        let bytes = url.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return pathSegments(url).last ?? "" }
        let end = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.endIndex
        var stop = end
        while stop > bytes.startIndex, bytes[bytes.index(before: stop)] == UInt8(ascii: "/") {
            stop = bytes.index(before: stop)
        }
        var start = stop
        while start > bytes.startIndex, bytes[bytes.index(before: start)] != UInt8(ascii: "/") {
            start = bytes.index(before: start)
        }
        return url[start..<stop].lowercased()
    }

    /// The lowercased path segments of a URL, query and fragment removed (empty segments dropped).
    static func pathSegments(_ url: String) -> [String] {
        let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        return url[..<end].lowercased().split(separator: "/").map(String.init)
    }

    /// Whether a POST to `url` initiates a payment (and so must be idempotent). Compared on bytes: it runs for
    /// every POST of a collection.
    static func isPaymentPOST(_ url: String) -> Bool {
        var url = url
        return url.withUTF8 { bytes in
            var end = bytes.count
            if let stop = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { end = stop }
            while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            let last = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if endpointBytes.contains(where: { hasSuffix(last, $0) }) { return true }
            // POST /file-payment-consents/{ConsentId}/file uploads the payment file.
            guard last.count == 4, hasSuffix(last, fileBytes), start > 1 else { return false }
            var previousEnd = start - 1
            while previousEnd > 0, bytes[previousEnd - 1] == UInt8(ascii: "/") { previousEnd -= 1 }
            var previousStart = previousEnd
            while previousStart > 0, bytes[previousStart - 1] != UInt8(ascii: "/") { previousStart -= 1 }
            // The consent id sits between: look one segment further back.
            var consentsEnd = previousStart > 0 ? previousStart - 1 : 0
            while consentsEnd > 0, bytes[consentsEnd - 1] == UInt8(ascii: "/") { consentsEnd -= 1 }
            var consentsStart = consentsEnd
            while consentsStart > 0, bytes[consentsStart - 1] != UInt8(ascii: "/") { consentsStart -= 1 }
            return hasSuffix(UnsafeBufferPointer(rebasing: bytes[consentsStart..<consentsEnd]), consentsBytes)
                || hasSuffix(UnsafeBufferPointer(rebasing: bytes[previousStart..<previousEnd]), consentsBytes)
        }
    }

    private static let endpointBytes = endpoints.map { Array($0.utf8) }
    private static let fileBytes = Array("file".utf8), consentsBytes = Array("payment-consents".utf8)

    /// Whether `bytes` ends with `suffix`, ignoring ASCII case.
    private static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        guard bytes.count >= suffix.count else { return false }
        let offset = bytes.count - suffix.count
        for index in 0..<suffix.count where bytes[offset + index] | 0x20 != suffix[index] | 0x20 { return false }
        return true
    }

    public func check(_ file: LintedFile) -> [Finding] {
        guard file.looksLikeOpenBanking else { return [] }
        var scripted: [Bool]?
        return file.requests.compactMap { request in
            guard request.method == "POST", let url = request.urlNode else { return nil }
            let text = file.urlText(url)
            guard Self.isPaymentPOST(text) else { return nil }
            var last: String { Self.lastPathSegment(text) }
            guard let header = request.header("x-idempotency-key") else {
                if scripted == nil { scripted = file.prerequestScriptsMention("x-idempotency-key") }
                if scripted?[request.item] == true { return nil }
                return file.finding(
                    at: request.methodNode ?? request.node, "payment POST to '\(last)' has no x-idempotency-key header",
                    hint: "add \"x-idempotency-key\": \"{{$guid}}\"")
            }
            guard let value = header.value, let node = header.valueNode else { return nil }
            if let length = DynamicVariables.minimumLength(of: value), length > Self.maximumLength {
                return file.finding(
                    at: node, "x-idempotency-key '\(value)' is at least \(length) characters; banks allow 40",
                    hint: "use {{$guid}} (36 characters) alone")
            }
            guard SecretHeuristics.isLiteral(value) else { return nil }
            return file.finding(
                at: node, "x-idempotency-key is the literal '\(value)', so every later run is a replay",
                hint: "use {{$guid}} or a variable a pre-request script refreshes")
        }
    }
}
