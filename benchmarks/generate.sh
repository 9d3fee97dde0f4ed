#!/usr/bin/env bash
# Measures `gen-collections` on each bundled bank's spec, built in release mode: wall time (median of N runs) and peak
# memory, plus the same for a large generated spec (hundreds of endpoints). Prints one line per case.
# Usage: benchmarks/generate.sh [runs]   (default 21)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
swift build -c release --product gen-collections >/dev/null
binary=.build/release/gen-collections
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A large spec: 40 flows of 25 steps (1000 requests), each with headers, a JSON body, expectations and captures.
python3 - "$work/large.yaml" <<'PY'
import sys
lines = ["gen-collections: 1", "name: large", "hosts:", "  api: https://api.example.com",
         "variables:", "  token: {secret: true}", "  rid: {generate: uuid}",
         "headerSets:", "  common:", "    x-request-id: \"{{rid}}\"", "flows:"]
for f in range(40):
    lines += [f"  - name: Flow {f}", "    headerSets: [common]", "    auth: {bearer: \"{{token}}\"}", "    steps:"]
    for s in range(25):
        lines += [f"      - name: Step {f}-{s}", "        method: POST",
                  f"        url: \"{{{{api}}}}/v1/things/{f}/items/{s}\"",
                  "        body:", "          json:", "            Data: {Name: widget, Count: 2, Tags: [a, b]}",
                  "            Risk: {}",
                  "        expect:", "          status: 201", "          json:", "            Data.Id: present",
                  "        capture:", f"          id{f}x{s}: {{json: Data.Id}}"]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY

measure() {
    local label=$1; shift
    local times=() peak=0
    for _ in $(seq "$runs"); do
        rm -rf "$work/out"
        local start end kb
        start=$(date +%s%N)
        kb=$( { /usr/bin/time -f '%M' "$binary" "$@" --out "$work/out" >/dev/null; } 2>&1 | tail -n 1)
        end=$(date +%s%N)
        times+=($(( (end - start) / 1000 )))
        (( kb > peak )) && peak=$kb
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    printf '%-28s median %6.1f ms over %d runs, peak RSS %d KiB\n' "$label" "$(echo "$median / 1000" | bc -l)" "$runs" "$peak"
}

measure "default spec" generate
measure "ozone-model-bank" generate --bank ozone-model-bank
measure "large spec (1000 requests)" generate --spec "$work/large.yaml"
