#!/usr/bin/env bash
# Measures `gen-collections import openapi` and then `generate` on each OBIE v3.1.11 document and on a synthetic
# OpenAPI document with 5,000 operations: wall time (median of N runs) and peak memory (max RSS) of each step.
# Prints one line per document and step.
# Usage: benchmarks/import.sh [runs]            (default 5)
#        BUILD=debug benchmarks/import.sh        measures the debug build (no release build is made)
#        GEN_COLLECTIONS_BINARY=path             measures another build
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
build=${BUILD:-release}
if [[ -n "${GEN_COLLECTIONS_BINARY:-}" ]]; then
    binary=$GEN_COLLECTIONS_BINARY
else
    swift build -c "$build" --product gen-collections >/dev/null
    binary=.build/$build/gen-collections
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 5,000 operations: 1,000 paths of five methods, in 50 tags, each with a path and a query parameter, the FAPI
# headers, a JSON body of required fields and a response with required fields.
python3 - "$work/synthetic-5000.json" <<'PY'
import json, sys
paths = {}
for p in range(1000):
    item = {}
    for m in ["get", "post", "put", "patch", "delete"]:
        op = {
            "tags": [f"Tag {p % 50}"], "operationId": f"{m}Thing{p}", "summary": f"{m} thing {p}",
            "parameters": [
                {"name": "ThingId", "in": "path", "required": True, "schema": {"type": "string"}},
                {"name": "limit", "in": "query", "required": True, "schema": {"type": "integer", "minimum": 1}},
                {"name": "x-fapi-interaction-id", "in": "header", "schema": {"type": "string"}},
            ],
            "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {
                "type": "object", "required": ["Data"],
                "properties": {"Data": {"type": "object", "required": ["Id"], "properties": {"Id": {"type": "string"}}}}}}}}},
        }
        if m in ("post", "put", "patch"):
            op["requestBody"] = {"content": {"application/json": {"schema": {
                "type": "object", "required": ["Data"], "properties": {"Data": {"type": "object",
                "required": ["Name", "Kind"], "properties": {"Name": {"type": "string", "minLength": 3},
                "Kind": {"type": "string", "enum": ["A", "B"]}, "Note": {"type": "string"}}}}}}}}
        item[m] = op
    paths[f"/things/{p}/{{ThingId}}"] = item
doc = {"openapi": "3.0.3", "info": {"title": "Synthetic 5000", "version": "1.0.0"},
       "servers": [{"url": "https://api.example.com/v1"}], "paths": paths}
json.dump(doc, open(sys.argv[1], "w"))
PY

# Median wall seconds and median max RSS (MiB) of `runs` runs of a command.
measure() {
    local times=() memories=()
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
        read -r seconds kilobytes <"$work/time"
        times+=("$seconds")
        memories+=("$kilobytes")
    done
    local t m
    t=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    m=$(printf '%s\n' "${memories[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
    echo "$t s, $m MiB"
}

echo "build: $build ($binary), median of $runs runs"
for document in /work/shared/specs/obie/*-openapi.yaml "$work/synthetic-5000.json"; do
    [[ -f $document ]] || document=Tests/GenCollectionsImportTests/Fixtures/OpenAPI/$(basename "$document")
    name=$(basename "$document")
    spec=$work/$name.spec.yaml
    printf '%-36s import   %s\n' "$name" "$(measure "$binary" import openapi "$document" -o "$spec")"
    printf '%-36s generate %s\n' "$name" "$(measure "$binary" generate --spec "$spec" --out "$work/out-$name")"
done
