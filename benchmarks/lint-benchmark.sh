#!/usr/bin/env bash
# Benchmark of `gen-collections lint` on a large generated collection (not a timed test).
#
# Generates a tab-indented Postman v2.1 collection of about 20 MB (thousands of Open Banking style requests with
# headers, JSON bodies and test scripts, in nested folders), then reports wall time and peak memory (max RSS) for:
#   1. gen-collections lint          (all rules, JSON report to /dev/null)
#   2. gen-collections lint --parse-only   (the same JSON reader, no rules: the "bare parsing" baseline)
#   3. python3 json.load             (for reference)
# Usage: benchmarks/lint-benchmark.sh [requests]   (default 7600 requests ≈ 20 MB)
#        GEN_COLLECTIONS_BINARY=path  measures another build (e.g. the previous release)
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-7600}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
collection="$work/large.postman_collection.json"

binary=${GEN_COLLECTIONS_BINARY:-.build/release/gen-collections}
if [[ -z ${GEN_COLLECTIONS_BINARY:-} ]] && { [[ ! -x $binary ]] || [[ -n "$(find Sources -newer "$binary" -name '*.swift' | head -1)" ]]; }; then
    echo "building release binary..." >&2
    swift build -c release --product gen-collections >&2
fi

python3 - "$collection" "$requests" <<'PY'
import json, sys
path, count = sys.argv[1], int(sys.argv[2])
schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
def request(i):
    body = {"Data": {"Initiation": {"InstructionIdentification": f"ID{i:08d}", "EndToEndIdentification": f"E2E{i}",
            "InstructedAmount": {"Amount": f"{i % 1000}.{i % 100:02d}", "Currency": "GBP"},
            "CreditorAccount": {"SchemeName": "UK.OBIE.SortCodeAccountNumber", "Identification": "08080021325698",
                                "Name": "ACME Inc", "SecondaryIdentification": "0002"},
            "RemittanceInformation": {"Reference": "FRESCO-101", "Unstructured": "Internal ops code 5120101" * 8}}},
            "Risk": {"PaymentContextCode": "EcommerceGoods", "MerchantCategoryCode": "5967",
                     "DeliveryAddress": {"AddressLine": ["Flat 7", "Acacia Lodge"], "StreetName": "Acacia Avenue",
                                         "BuildingNumber": "27", "PostCode": "GU31 2ZZ", "TownName": "Sparsholt",
                                         "Country": "UK"}}}
    path = ["open-banking", "v3.1", "pisp", "domestic-payment-consents"]
    return {"name": f"Create consent {i}", "request": {
        "method": "POST",
        "header": [{"key": "Authorization", "value": "Bearer {{accessToken}}"},
                   {"key": "x-fapi-financial-id", "value": "{{financialId}}"},
                   {"key": "x-fapi-interaction-id", "value": "{{$guid}}"},
                   {"key": "x-idempotency-key", "value": "{{$guid}}"},
                   {"key": "Content-Type", "value": "application/json"}],
        "body": {"mode": "raw", "raw": json.dumps(body, indent=2), "options": {"raw": {"language": "json"}}},
        "url": {"raw": "{{rs}}/" + "/".join(path), "host": ["{{rs}}"], "path": path}},
        "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [
            "pm.test('status 201', function () { pm.response.to.have.status(201); });",
            "const body = pm.response.json();",
            "pm.environment.set('consentId', body.Data.ConsentId);",
            "pm.expect(body.Data.Status).to.eql('AwaitingAuthorisation');"]}}]}
folders = []
per_folder = 50
for f in range(0, count, per_folder):
    folders.append({"name": f"Folder {f // per_folder}", "item": [
        {"name": "Nested", "item": [request(i) for i in range(f, min(count, f + per_folder))]}]})
collection = {"info": {"name": "Large", "schema": schema},
              "variable": [{"key": k, "value": ""} for k in ["rs", "financialId", "accessToken"]],
              "item": folders}
with open(path, "w") as out:
    json.dump(collection, out, indent="\t")
PY

size=$(stat -c %s "$collection")
echo "collection: $requests requests, $(awk "BEGIN {printf \"%.1f\", $size / 1048576}") MiB"

measure() {  # label, command...
    local label="$1"; shift
    local report="$work/time.txt"
    /usr/bin/time -v "$@" > /dev/null 2> "$report" || true
    local wall cpu rss
    wall=$(grep 'Elapsed (wall clock)' "$report" | awk '{print $NF}')
    # CPU time (user + system) is steadier than wall time on a shared machine.
    cpu=$(awk -F': ' '/User time|System time/ {total += $2} END {printf "%.2f", total}' "$report")
    rss=$(grep 'Maximum resident set size' "$report" | awk '{print $NF}')
    printf '%-34s wall %8s   cpu %6ss   peak RSS %7.1f MiB\n' "$label" "$wall" "$cpu" "$(awk "BEGIN {print $rss / 1024}")"
}

for run in 1 2 3; do
    echo "run $run:"
    measure "gen-collections lint" "$binary" lint --format json "$collection"
    measure "gen-collections lint --parse-only" "$binary" lint --parse-only "$collection"
    measure "python3 json.load" python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$collection"
done
"$binary" lint "$collection" 2>&1 | tail -3
