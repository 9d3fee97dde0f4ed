#!/usr/bin/env bash
# The performance figures of issue 15, each against its floor in the same run (not a timed test).
#
# Writes its inputs (fixed seed), then measures whole processes with /usr/bin/time: CPU time (user + system) and
# peak RSS, the median of N samples. Each sample runs a command several times in one timed shell loop (start-up
# sized ones BATCH times, the others 1-10 times, about half a second a sample), since /usr/bin/time counts CPU in
# hundredths of a second: three runs of a 50 ms command were ±10% from the clock's grain alone. Prints
# each figure, then the ratios of the issue's table.
#
#   lint 20 MB (all rules)          ÷ lint --parse-only of the same file, ÷ python3 json.load
#   lint 1,000-file tree with --env ÷ python3 walk + json.load of every file
#   generate (default bank)         ÷ gen-collections --version
#   generate 20,000 steps           time and MiB
#   check, sync (1,000 steps)       ÷ generate of the same spec (an untouched bundle; and, not a target, one
#                                   whose collection was edited)
#   lint 20 MB peak RSS             ÷ its size
#
# Usage: benchmarks/ratios.sh [runs]          (default 5; the machine's load is printed first)
#        GEN_COLLECTIONS_BINARY=path          measures another build (e.g. main's)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
batch=${BATCH:-20}
binary=${GEN_COLLECTIONS_BINARY:-.build/release/gen-collections}
if [[ -z ${GEN_COLLECTIONS_BINARY:-} ]] && { [[ ! -x $binary ]] || [[ -n "$(find Sources -newer "$binary" -name '*.swift' | head -1)" ]]; }; then
    echo "building release binary..." >&2
    swift build -c release --product gen-collections >&2
fi
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores; $(uptime | sed 's/^ *//')"
echo "binary: $binary ($(du -h "$binary" | cut -f1))"

# Inputs: a 20 MB collection, a tree of 1,000 collections with a 500-variable environment, specs of 1,000 and
# 20,000 steps.
python3 - "$work" <<'PY'
import json, os, random, sys
work = sys.argv[1]
random.seed(15)
schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

def request(i, names):
    body = {"Data": {"Initiation": {"InstructionIdentification": f"ID{i:08d}", "EndToEndIdentification": f"E2E{i}",
            "InstructedAmount": {"Amount": f"{random.randrange(1000)}.{random.randrange(100):02d}", "Currency": "GBP"},
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
                   {"key": "x-extra", "value": "{{" + random.choice(names) + "}}"},
                   {"key": "Content-Type", "value": "application/json"}],
        "body": {"mode": "raw", "raw": json.dumps(body, indent=2), "options": {"raw": {"language": "json"}}},
        "url": {"raw": "{{rs}}/" + "/".join(path), "host": ["{{rs}}"], "path": path}},
        "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": [
            "pm.test('status 201', function () { pm.response.to.have.status(201); });",
            "const body = pm.response.json();",
            "pm.environment.set('consentId', body.Data.ConsentId);",
            "pm.expect(body.Data.Status).to.eql('AwaitingAuthorisation');"]}}]}

def collection(name, requests, names, per_folder=50):
    folders = [{"name": f"Folder {f // per_folder}", "item": [{"name": "Nested", "item": [
        request(i, names) for i in range(f, min(requests, f + per_folder))]}]} for f in range(0, requests, per_folder)]
    return {"info": {"name": name, "schema": schema},
            "variable": [{"key": k, "value": ""} for k in ["rs", "financialId", "accessToken"]], "item": folders}

# One 20 MB collection, tab-indented as Postman exports.
with open(os.path.join(work, "large.postman_collection.json"), "w") as out:
    json.dump(collection("Large", 7600, ["financialId"]), out, indent="\t")

# 1,000 collections of 4 requests in 10 folders, and one environment of 500 variables (the collections use them).
env_names = [f"var{n:03d}" for n in range(500)]
with open(os.path.join(work, "tree.postman_environment.json"), "w") as out:
    json.dump({"name": "tree", "values": [{"key": k, "value": "x", "type": "default", "enabled": True}
                                          for k in env_names]}, out, indent="\t")
for n in range(1000):
    folder = os.path.join(work, "tree", f"team{n % 10}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"c{n:04d}.postman_collection.json"), "w") as out:
        json.dump(collection(f"C{n}", 4, env_names), out, indent="\t")

# Specs of flows of 25 steps, each with headers, a JSON body, expectations and captures.
def spec(path, flows):
    lines = ["gen-collections: 1", "name: large", "hosts:", "  api: https://api.example.com",
             "variables:", "  token: {secret: true}", "  rid: {generate: uuid}",
             "headerSets:", "  common:", "    x-request-id: \"{{rid}}\"", "flows:"]
    for f in range(flows):
        lines += [f"  - name: Flow {f}", "    headerSets: [common]", "    auth: {bearer: \"{{token}}\"}", "    steps:"]
        for s in range(25):
            lines += [f"      - name: Step {f}-{s}", "        method: POST",
                      f"        url: \"{{{{api}}}}/v1/things/{f}/items/{s}\"",
                      "        body:", "          json:",
                      f"            Data: {{Name: widget, Count: {random.randrange(10)}, Tags: [a, b]}}",
                      "            Risk: {}",
                      "        expect:", "          status: 201", "          json:", "            Data.Id: present",
                      "        capture:", f"          id{f}x{s}: {{json: Data.Id}}"]
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")
spec(os.path.join(work, "steps1000.yaml"), 40)
spec(os.path.join(work, "steps20000.yaml"), 800)
PY

# Figures are registered first (`figure LABEL BATCH command...`), then sampled in rounds: each round takes one
# sample of every figure, so a change in the machine's load during the run falls on a ratio's both sides alike.
# A sample is the CPU seconds (user + system) and peak RSS in KiB of BATCH runs of the command; each figure prints
# the medians of CPU per run and of peak RSS. Exit codes are ignored (lint exits 1 on findings), output is discarded.
declare -A cpu rss batches commands samples walls peaks
order=()
figure() {
    local label=$1 count=$2; shift 2
    order+=("$label")
    batches[$label]=$count
    commands[$label]=$(printf '%q ' "$@")
}
median() { printf '%s\n' $1 | sort -g | sed -n "$(( (runs + 1) / 2 ))p"; }
run_figures() {
    local report="$work/time.txt" label count elapsed user system kib
    for _ in $(seq "$runs"); do
        for label in "${order[@]}"; do
            count=${batches[$label]}
            eval "set -- ${commands[$label]}"
            /usr/bin/time -o "$report" -f '%e %U %S %M' bash -c \
                'n=$1; shift; for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1 || true; done' _ "$count" "$@"
            read -r elapsed user system kib < "$report"
            samples[$label]+="$(awk "BEGIN {print ($user + $system) / $count}") "
            walls[$label]+="$(awk "BEGIN {print $elapsed / $count}") "
            peaks[$label]+="$kib "
        done
    done
    for label in "${order[@]}"; do
        cpu[$label]=$(median "${samples[$label]}")
        rss[$label]=$(median "${peaks[$label]}")
        printf '%-32s cpu %8.4f s  wall %8.4f s  peak RSS %7.1f MiB  (median of %d, %d run(s) each)\n' "$label" \
            "${cpu[$label]}" "$(median "${walls[$label]}")" "$(awk "BEGIN {print ${rss[$label]} / 1024}")" "$runs" \
            "${batches[$label]}"
    done
}
ratio() { awk "BEGIN {printf \"%.2f\", ${cpu[$1]} / ${cpu[$2]}}"; }

"$binary" lint --parse-only "$work/large.postman_collection.json" >/dev/null || {
    echo "this build has no 'lint --parse-only'" >&2
    exit 1
}
large_mib=$(awk "BEGIN {print $(stat -c %s "$work/large.postman_collection.json") / 1048576}")
echo "inputs: large collection $(printf '%.1f' "$large_mib") MiB; tree $(du -sh "$work/tree" | cut -f1) in" \
    "$(find "$work/tree" -name '*.json' | wc -l) files"
echo

"$binary" generate --spec "$work/steps1000.yaml" --out "$work/out1000" >/dev/null
"$binary" check --spec "$work/steps1000.yaml" --out "$work/out1000" >/dev/null || echo "warning: check found drift" >&2
# The same bundle with the collection edited as a user would (a description added to the first request): check and
# sync then parse and compare the file, where an untouched one is only compared byte for byte.
cp -r "$work/out1000" "$work/edited1000"
python3 - "$work/edited1000" <<'PY'
import json, os, sys
path = next(os.path.join(sys.argv[1], name) for name in os.listdir(sys.argv[1])
            if name.endswith(".postman_collection.json"))
collection = json.load(open(path))
item = collection["item"][0]
while "item" in item: item = item["item"][0]
item["request"]["description"] = "added in the Postman app"
json.dump(collection, open(path, "w"), indent="\t")
PY

figure "lint 20 MB" 5 "$binary" lint --format json "$work/large.postman_collection.json"
figure "lint 20 MB --parse-only" 10 "$binary" lint --parse-only "$work/large.postman_collection.json"
figure "python3 json.load 20 MB" 5 python3 -c 'import json, sys; json.load(open(sys.argv[1]))' \
    "$work/large.postman_collection.json"
figure "lint tree --env" 10 "$binary" lint --format json --env "$work/tree.postman_environment.json" "$work/tree"
figure "python3 walk + json.load tree" 10 python3 -c '
import json, os, sys
for folder, _, files in os.walk(sys.argv[1]):
    for name in files:
        if name.endswith(".json"):
            with open(os.path.join(folder, name)) as f: json.load(f)
json.load(open(sys.argv[2]))' "$work/tree" "$work/tree.postman_environment.json"
figure "--version" "$batch" "$binary" --version
figure "generate default" "$batch" "$binary" generate --out "$work/default"
figure "generate 1,000 steps" 10 "$binary" generate --spec "$work/steps1000.yaml" --out "$work/gen1000"
figure "check 1,000 steps" 10 "$binary" check --spec "$work/steps1000.yaml" --out "$work/out1000"
figure "sync 1,000 steps" 10 "$binary" sync --spec "$work/steps1000.yaml" --out "$work/out1000"
figure "check 1,000 steps, edited" 5 "$binary" check --spec "$work/steps1000.yaml" --out "$work/edited1000"
figure "sync --dry-run 1,000, edited" 5 "$binary" sync --dry-run --spec "$work/steps1000.yaml" --out "$work/edited1000"
figure "generate 20,000 steps" 1 "$binary" generate --spec "$work/steps20000.yaml" --out "$work/out20000"
run_figures
echo
echo "| work | ratio | target |"
echo "| --- | --- | --- |"
echo "| lint 20 MB, all rules ÷ own parse-only | $(ratio "lint 20 MB" "lint 20 MB --parse-only")× | ≤ 1.5× |"
echo "| lint 20 MB ÷ Python json.load | $(ratio "lint 20 MB" "python3 json.load 20 MB")× | ≤ 0.35× |"
echo "| lint 1,000-file tree with --env ÷ Python walk + json.load | $(ratio "lint tree --env" "python3 walk + json.load tree")× | ≤ 0.5× |"
echo "| generate default ÷ --version | $(ratio "generate default" "--version")× (--version $(awk "BEGIN {printf \"%.1f\", ${cpu[--version]} * 1000}") ms) | ≤ 1.5× |"
echo "| generate 20,000 steps | $(printf '%.2f' "${cpu[generate 20,000 steps]}") s, $(awk "BEGIN {printf \"%.0f\", ${rss[generate 20,000 steps]} / 1024}") MiB | ≤ 1 s, ≤ 150 MiB |"
echo "| check ÷ generate, sync ÷ generate (1,000 steps) | $(ratio "check 1,000 steps" "generate 1,000 steps")×, $(ratio "sync 1,000 steps" "generate 1,000 steps")× | ≤ 1.2× each |"
echo "| (not a target) check, sync --dry-run ÷ generate, collection edited | $(ratio "check 1,000 steps, edited" "generate 1,000 steps")×, $(ratio "sync --dry-run 1,000, edited" "generate 1,000 steps")× | |"
echo "| lint memory ÷ input size | $(awk "BEGIN {printf \"%.2f\", ${rss[lint 20 MB]} / 1024 / $large_mib}")× | ≤ 2× |"
