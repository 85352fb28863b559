#!/usr/bin/env bash
# Pure functions applied in a loop (issue 10): the Collatz sequence of every n from 1 to N by
#   NestWhileList[If[Mod[#, 2] == 0, #/2, 3 # + 1] &, n, # != 1 &]
# summing the lengths of the lists, in tessera (release binary) and in CPython, in one run.
# Prints both times (median of REPS runs, the work only, start-up excluded), the ratio, and the total
# length on each side (they must agree).
#   bash bench/nestwhile.sh [path/to/tessera]        N=100000 REPS=3 by default
set -euo pipefail
T=${1:-.build/release/tessera}
PY=${PYTHON:-python3}
N=${N:-100000}
REPS=${REPS:-3}

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

wl="{t, total} = AbsoluteTiming[Sum[Length[NestWhileList[If[Mod[#, 2] == 0, #/2, 3 # + 1] &, n, # != 1 &]], {n, $N}]];
Print[total]; Print[t]"
py="
import time
def nest_while_list(f, x, test):
    out = [x]
    while test(out[-1]):
        out.append(f(out[-1]))
    return out
t = time.perf_counter()
total = sum(len(nest_while_list(lambda x: x // 2 if x % 2 == 0 else 3 * x + 1, n, lambda x: x != 1))
            for n in range(1, $N + 1))
t = time.perf_counter() - t
print(total); print(t)"

# Each run prints its total, then its time.
runs() { for i in $(seq "$REPS"); do "$@"; done; }
t_runs=$(runs $T -code "$wl")
p_runs=$(runs $PY -c "$py")
t_out=$(echo "$t_runs" | awk 'NR % 2 == 0' | median)
p_out=$(echo "$p_runs" | awk 'NR % 2 == 0' | median)
t_total=$(echo "$t_runs" | head -1)
p_total=$(echo "$p_runs" | head -1)

printf '%-40s %10s %10s %8s\n' "NestWhileList Collatz, n = 1..$N" tessera_s cpython_s ratio
printf '%-40s %10.3f %10.3f %8.2f\n' "total length $t_total / $p_total" "$t_out" "$p_out" "$(echo "$t_out / $p_out" | bc -l)"
