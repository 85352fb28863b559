#!/usr/bin/env bash
# Core-speed benchmarks of issue 2, side by side with CPython in one run. Prints ratios.
#   bash bench/core.sh [path/to/tessera]
set -euo pipefail
T=${1:-.build/release/tessera}
PY=${PYTHON:-python3}
reps=5

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# 1. Do[x = x + 1, {10^6}]
t_loop=$(for i in $(seq $reps); do $T -code 'x = 0; First[AbsoluteTiming[Do[x = x + 1, {10^6}]]]'; done | median)
p_loop=$(for i in $(seq $reps); do $PY -c '
import time
t = time.perf_counter(); x = 0
for _ in range(10**6): x = x + 1
print(time.perf_counter() - t)'; done | median)

# 2. fib[25], naive recursion
t_fib=$(for i in $(seq 3); do $T -code 'fib[n_] := fib[n - 1] + fib[n - 2]; fib[0] = 0; fib[1] = 1; First[AbsoluteTiming[fib[25]]]'; done | median)
p_fib=$(for i in $(seq 3); do $PY -c '
import time
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
t = time.perf_counter(); fib(25); print(time.perf_counter() - t)'; done | median)

# 3. start-up: tessera -code 1+1, wall clock
t_start=$(for i in $(seq 20); do s=$(date +%s.%N); $T -code '1+1' >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; done | median)
p_start=$(for i in $(seq 20); do s=$(date +%s.%N); $PY -c 'print(1+1)' >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; done | median)

printf '%-28s %10s %10s %8s\n' benchmark tessera_s cpython_s ratio
printf '%-28s %10.4f %10.4f %8.2f\n' 'Do[x = x + 1, {10^6}]' "$t_loop" "$p_loop" "$(echo "$t_loop / $p_loop" | bc -l)"
printf '%-28s %10.4f %10.4f %8.2f\n' 'fib[25]' "$t_fib" "$p_fib" "$(echo "$t_fib / $p_fib" | bc -l)"
printf '%-28s %10.4f %10.4f %8.2f\n' 'start-up (-code 1+1)' "$t_start" "$p_start" "$(echo "$t_start / $p_start" | bc -l)"
