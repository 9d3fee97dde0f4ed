/// The examples of `hardcoded-secret` (also its tests): the false-positive classes seen in real collections pass.
enum HardcodedSecretExamples {
    static let jwt =
        "eyJhbGciOiJQUzI1NiIsImtpZCI6IjEyMyJ9.eyJzdWIiOiJ0cHAiLCJpYXQiOjE3MDAwMDAwMDB9.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg"

    // Fake tokens in the providers' formats, assembled so that no scanner mistakes this source for a leak.
    static let github = "gh" + "p_" + "EXAMPLEexample0123456789EXAMPLEexampl"
    static let slack = "xo" + "xb-" + "0000000000-EXAMPLEexample"
    static let stripe = "sk" + "_live_" + "EXAMPLEexample0000000000"

    static let passing: [Example] = [
        Example(
            #"{"url": "https://example.com", "auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{accessToken}}"}]}, "header": [{"key": "Authorization", "value": "Basic {{basicToken}}"}]}"#
        ),
        // Settings whose names contain "token" but whose values are numbers or booleans.
        Example(
            #"{"method": "POST", "url": "https://example.com/config", "body": {"mode": "urlencoded", "urlencoded": [{"key": "heimdall.accessTokenValidity", "value": "3600"}, {"key": "suppressRefreshToken", "value": "false"}]}}"#
        ),
        Example(
            #"{"method": "POST", "url": "https://example.com/config", "body": {"mode": "raw", "raw": "{\"accessTokenValidity\": 3600, \"refreshToken\": \"{{refreshToken}}\", \"suppressRefreshToken\": false}"}}"#
        ),
        // Placeholders that hold a secret's place.
        Example(
            #"{"url": "https://example.com", "header": [{"key": "Authorization", "value": "Bearer "}, {"key": "x-api-key", "value": "<API Key>"}], "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "x-api-key"}, {"key": "value", "value": "YOUR_API_KEY"}]}}"#
        ),
        // A sample JWT in documentation, and an unsigned request object (alg none, empty signature).
        Example(
            #"[{"name": "R", "description": "The token looks like \#(jwt)", "request": "https://example.com/auth?request=eyJhbGciOiJub25lIn0.eyJzY29wZSI6Im9wZW5pZCBhY2NvdW50cyJ9."}]"#,
            .items),
    ]

    static let failing: [Example] = [
        Example(
            #"{"url": "https://example.com", "auth": {"type": "basic", "basic": [{"key": "username", "value": "me"}, {"key": "password", "value": ↓"hunter2"}]}}"#
        ),
        Example(
            #"{"url": "https://example.com?api_key=↓abc123", "header": [{"key": "Authorization", "value": ↓"Bearer abc.def"}]}"#
        ),
        Example(
            #"{"method": "POST", "url": "https://example.com", "body": {"mode": "urlencoded", "urlencoded": [{"key": "client_secret", "value": ↓"s3cr3t"}]}}"#
        ),
        Example(
            #"[{"name": "R", "request": "https://example.com", "event": [{"listen": "prerequest", "script": {"exec": [↓"pm.environment.set('clientSecret', 's3cr3t-value');"]}}]}]"#,
            .items),
        // A literal apikey auth value.
        Example(
            #"{"url": "https://example.com", "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "x-api-key"}, {"key": "value", "value": ↓"k3y-9f8a7b6c5d"}]}}"#
        ),
        // Saved example responses keep the request that produced them.
        Example(
            #"[{"name": "R", "request": "https://example.com", "response": [{"name": "OK", "code": 200, "originalRequest": {"url": "https://example.com", "header": [{"key": "Authorization", "value": ↓"Bearer 8f14e45fceea167a5a36dedd4bea2543"}]}}]}]"#,
            .items),
        // Tokens in bodies and in url.raw.
        Example(
            #"{"method": "POST", "url": "https://example.com", "body": {"mode": "raw", "raw": ↓"{\"client_secret\": \"s3cr3t-value\"}"}}"#
        ),
        // A key with an underscore, matched whatever its case.
        Example(
            #"{"method": "POST", "url": "https://example.com", "body": {"mode": "raw", "raw": ↓"{\"API_KEY\": \"k3y-value-4711\"}"}}"#
        ),
        Example(
            #"{"method": "POST", "url": {"raw": "https://example.com/a?access_token=↓\#(jwt)", "protocol": "https", "host": ["example", "com"], "path": ["a"]}, "body": {"mode": "raw", "raw": "{\"assertion\": \"↓\#(jwt)\"}"}}"#
        ),
        // Well-known token formats, wherever they are.
        Example(
            #"{"method": "POST", "url": "https://example.com", "header": [{"key": "X-Note", "value": "↓AKIAIOSFODNN7EXAMPLE"}], "body": {"mode": "raw", "raw": "gh: ↓\#(github) slack: ↓\#(slack) stripe: ↓\#(stripe)"}}"#
        ),
        Example(
            #"[{"name": "mtls", "matches": ["https://example.com/*"], "key": {"src": "c.key"}, "cert": {"src": "c.crt"}, "passphrase": ↓"changeit"}]"#,
            .file("ssl-client-cert-list.json")),
    ]
}
