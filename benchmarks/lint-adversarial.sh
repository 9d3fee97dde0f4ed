#!/usr/bin/env bash
# Adversarial-input benchmark of `gen-collections lint` (not a timed test): each case is generated at growing
# sizes, and time should grow linearly with size (a doubling of the input about doubles the time).
#
#   markers   one string holding N '-----BEGIN ' markers without an END (the private-key scan)
#   deep      N nested folders, each with one schema error (JSON-pointer hints, parent walks)
#   large     one collection of about 25 / 50 / 100 MB (14,000 / 28,000 / 56,000 requests)
#   files     N small collections in one directory (walk, streaming, parallel linting)
#
# Prints wall time and peak memory (max RSS) per case and size, for the release build.
# Usage: benchmarks/lint-adversarial.sh [case...]   (default: all four)
#        GEN_COLLECTIONS_BINARY=path  measures another build (e.g. the previous release)
#        LINT_TIMEOUT=seconds         gives up on one run after this long (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
cases=("$@")
[[ ${#cases[@]} -gt 0 ]] || cases=(markers deep large files)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
binary=${GEN_COLLECTIONS_BINARY:-.build/release/gen-collections}
if [[ -z ${GEN_COLLECTIONS_BINARY:-} ]] && { [[ ! -x $binary ]] || [[ -n "$(find Sources -newer "$binary" -name '*.swift' | head -1)" ]]; }; then
    echo "building release binary..." >&2
    swift build -c release --product gen-collections >&2
fi

generate() {  # case, size, output path
    python3 - "$@" <<'PY'
import json, os, sys
kind, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
info = {"name": "Adversarial", "schema": schema}
def request(i):
    return {"name": f"R{i}", "request": {"method": "POST", "url": {"raw": "{{rs}}/open-banking/v3.1/pisp/domestic-payments",
            "host": ["{{rs}}"], "path": ["open-banking", "v3.1", "pisp", "domestic-payments"]},
            "header": [{"key": "x-idempotency-key", "value": "{{$guid}}"}, {"key": "x-fapi-interaction-id", "value": "{{$guid}}"},
                       {"key": "Authorization", "value": "Bearer {{token}}"}],
            "body": {"mode": "raw", "raw": json.dumps({"Data": {"Initiation": {"InstructionIdentification": f"ID{i}",
                     "RemittanceInformation": {"Unstructured": "ops code 5120101 " * 40}}}, "Risk": {}}, indent=2)}},
            "event": [{"listen": "test", "script": {"exec": ["pm.test('201', () => pm.response.to.have.status(201));",
                       "pm.environment.set('paymentId', pm.response.json().Data.DomesticPaymentId);"]}}]}
if kind == "markers":
    doc = {"info": info, "item": [{"name": "R", "request": {"url": "https://example.com", "body": {"mode": "raw",
           "raw": "-----BEGIN " * size}}}]}
    json.dump(doc, open(out, "w"))
elif kind == "deep":
    # Built as text: Python's json cannot nest this deep.
    with open(out, "w") as f:
        f.write('{"info": ' + json.dumps(info) + ', "variable": [{"key": "rs", "value": ""}, {"key": "token", "value": ""}], "item": [')
        for i in range(size):
            f.write('{"name": "F%d", "description": 5, "item": [' % i)
        f.write(json.dumps(request(0)))
        f.write("]}" * size + "]}")
elif kind == "large":
    folders = [{"name": f"Folder {f}", "item": [request(i) for i in range(f * 50, min(size, f * 50 + 50))]}
               for f in range((size + 49) // 50)]
    json.dump({"info": info, "variable": [{"key": "rs", "value": ""}, {"key": "token", "value": ""}], "item": folders},
              open(out, "w"), indent="\t")
elif kind == "files":
    os.makedirs(out, exist_ok=True)
    for n in range(size):
        json.dump({"info": info, "variable": [{"key": "rs", "value": ""}, {"key": "token", "value": ""}],
                   "item": [request(n), request(n + 1)]}, open(os.path.join(out, f"c{n:05d}.postman_collection.json"), "w"), indent=2)
PY
}

measure() {  # label, command...
    local label="$1"; shift
    local report="$work/time.txt"
    timeout "${LINT_TIMEOUT:-300}" /usr/bin/time -v "$@" > /dev/null 2> "$report" || true
    if ! grep -q 'Elapsed (wall clock)' "$report"; then
        printf '%-28s did not finish within %s s\n' "$label" "${LINT_TIMEOUT:-300}"
        return
    fi
    local wall cpu rss
    wall=$(grep 'Elapsed (wall clock)' "$report" | awk '{print $NF}')
    # CPU time (user + system) is steadier than wall time on a shared machine.
    cpu=$(awk -F': ' '/User time|System time/ {total += $2} END {printf "%.2f", total}' "$report")
    rss=$(grep 'Maximum resident set size' "$report" | awk '{print $NF}')
    printf '%-28s wall %8s   cpu %6ss   peak RSS %7.1f MiB\n' "$label" "$wall" "$cpu" "$(awk "BEGIN {print $rss / 1024}")"
}

for case in "${cases[@]}"; do
    case $case in
        markers) sizes=(10000 20000 40000 80000) ;;
        deep) sizes=(1250 2500 5000 10000) ;;
        large) sizes=(14000 28000 56000) ;;
        files) sizes=(250 500 1000) ;;
        *) echo "unknown case $case" >&2; exit 64 ;;
    esac
    for size in "${sizes[@]}"; do
        target="$work/$case-$size"
        [[ $case == files ]] || target="$target.postman_collection.json"
        generate "$case" "$size" "$target"
        label="$case $size"
        [[ $case == large ]] && label="$label ($(du -m "$target" | cut -f1) MB)"
        # The large case goes past the default 32 MiB input limit on purpose.
        measure "$label" "$binary" lint --format json --max-input-size 1G "$target"
        rm -rf "$target"
    done
done
