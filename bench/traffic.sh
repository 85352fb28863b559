#!/usr/bin/env bash
# What the traffic ledger costs (issue 9: under 2% of kernel_traffic.wl's parallel run time).
#   swift build -c release --product tessera
#   bash bench/traffic.sh [path/to/tessera] [m] [n]
# 1. ledger_cost.swift, compiled -O with the ledger's own source: seconds per TrafficLedger.record
#    and per pair of clock reads (KernelLink times each send and receive).
# 2. kernel_traffic.wl (../shared/programs) on 2 kernels, each parallel line in ParallelTrafficMeasured:
#    its run time and the messages the ledger counted.
# The accounting's share = messages x (record + clock pair) / parallel run time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
T=${1:-$here/../.build/release/tessera}
M=${2:-30000}
N=${3:-640}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swiftc -O -parse-as-library "$here/traffic/ledger_cost.swift" "$here/../Sources/TesseraLink/TrafficLedger.swift" \
  "$here/../Sources/TesseraLink/LinkMessage.swift" -o "$work/ledger_cost" 2>/dev/null
read -r record clock _ <<< "$("$work/ledger_cost")"
sed -E -e 's/^LaunchKernels\[\];/LaunchKernels[2]; runs = {};/' \
  -e "s/^m = 30000; n = 640;/m = $M; n = $N;/" \
  -e 's/^(Parallel[A-Za-z]+\[.*\]); \/\/ AbsoluteTiming$/{t, {r, tr}} = AbsoluteTiming[ParallelTrafficMeasured[\1;]]; AppendTo[runs, {t, tr["Total", "Messages"]}];/' \
  "$here/../../shared/programs/kernel_traffic.wl" > "$work/kernel_traffic.wl"
echo 'Print[{Total[runs[[All, 1]]], Total[runs[[All, 2]]], Length[runs]}]' >> "$work/kernel_traffic.wl"
read -r seconds messages lines <<< "$("$T" "$work/kernel_traffic.wl" | tail -1 | tr -d '{},')"
awk -v r="$record" -v c="$clock" -v s="$seconds" -v n="$messages" -v l="$lines" -v m="$M" -v nn="$N" 'BEGIN {
  printf "record: %.1f ns, clock pair: %.1f ns a message\n", r * 1e9, c * 1e9
  printf "kernel_traffic.wl m=%s n=%s, 2 kernels: %s parallel lines, %.3f s, %d messages (%.1f us a message)\n", m, nn, l, s, n, s / n * 1e6
  printf "accounting: %.4f%% of the parallel run time\n", 100 * n * (r + c) / s }'
