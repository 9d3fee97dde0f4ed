#!/usr/bin/env bash
# Measures `gen-collections generate` (release build) on each file of the hostile corpus
# (Tests/GenCollectionsCLITests/Fixtures/hostile): wall time, peak memory, exit code. The limits of
# docs/hostile-input.md keep every case in the tens of milliseconds and tens of megabytes.
# Usage: benchmarks/hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product gen-collections >/dev/null
binary=$PWD/.build/release/gen-collections
corpus=$PWD/Tests/GenCollectionsCLITests/Fixtures/hostile
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-40s %8s %10s %5s\n' case seconds peak_MiB exit
for file in "$corpus"/*; do
    name=$(basename "$file")
    case $name in
        *.expected) continue ;;
        *.yaml) arguments=(--spec "$file") ;;
        *.env.json) arguments=(--env "$file") ;;
        *) continue ;;
    esac
    rm -rf "$work/out"
    set +e
    /usr/bin/time -f '%e %M' -o "$work/time" timeout -s KILL 120 "$binary" generate "${arguments[@]}" \
        --out "$work/out" >/dev/null 2>&1
    status=$?
    set -e
    read -r seconds kib < <(tail -n 1 "$work/time") || { seconds="?"; kib=0; }
    printf '%-40s %8s %10s %5s\n' "$name" "$seconds" "$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')" "$status"
done
