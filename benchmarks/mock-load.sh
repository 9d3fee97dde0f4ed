#!/usr/bin/env bash
# Load on `gen-collections mock`: N concurrent mutual-TLS clients (1, 16, 64 by default) each repeating the pair
# "client-credentials token + GET accounts" for S seconds (at most 200000 pairs per run), built in release mode.
# Prints one line per N (pairs/s, requests/s, p50/p99 pair latency, errors) and the mock's peak RSS (VmHWM).
# The client and the mock share this machine's cores; the load average before the run is printed with them.
# Usage: benchmarks/mock-load.sh [seconds] [clients...]   (default 10 seconds; 1 16 64)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
shift || true
clients=("$@")
((${#clients[@]})) || clients=(1 16 64)

swift build -c release --product gen-collections >/dev/null
swift build -c release --product mock-load >/dev/null
binary=.build/release/gen-collections
load=.build/release/mock-load
work=$(mktemp -d)
mock_pid=''
cleanup() {
    [[ -z $mock_pid ]] || kill -TERM "$mock_pid" 2>/dev/null || true
    [[ -z $mock_pid ]] || wait "$mock_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$binary" mock --port 0 --certs "$work/certs" --env-out "$work/env.json" >"$work/mock.log" 2>&1 &
mock_pid=$!
for _ in $(seq 100); do
    grep -q 'mock: ready on ' "$work/mock.log" && break
    sleep 0.1
done
origin=$(sed -n 's/^mock: ready on \(https:[^ ]*\).*/\1/p' "$work/mock.log")
[[ -n $origin ]] || { cat "$work/mock.log" >&2; exit 1; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; mock at $origin"
for n in "${clients[@]}"; do
    "$load" --origin "$origin" --ca "$work/certs/ob-sandbox-ca.pem" --cert "$work/certs/transport.pem" \
        --key "$work/certs/transport.key" --env "$work/env.json" --clients "$n" --seconds "$seconds"
    echo "  mock peak RSS so far: $(awk '/VmHWM/ {print $2, $3}' "/proc/$mock_pid/status")"
done
