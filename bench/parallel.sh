#!/usr/bin/env bash
# Parallel toolkit benchmarks of issue 12, 2 subkernels, side by side with Python peers in one run.
#   swift build -c release --product tessera     (make bench-deps: the Python peers' packages)
#   bash bench/parallel.sh [path/to/tessera] [rows]
# T: zero-copy transfer (bench/parallel/transfer.wl) against multiprocessing's pickling and
#    shared_memory (bench/parallel/transfer_peer.py): ParallelEvaluate[1] round trip, a 100 MB array
#    to 2 kernels (first time: descriptor and mapping; again: the handle alone), a 100 MB result back,
#    and 2 x 100 MB made on the kernels returned against returning Null.
# Squares: ParallelTable[i^2, {i, 10^5}] against Table (bench/parallel/squares.wl): per-batch cost.
# W1-W3: the seed programs' Table/ParallelTable pairs (bench/parallel/w*_parallel.wl), with the
#    fastest parallel peer of ../shared/bench/peers when PEERS=1 (multiprocessing pool and
#    shared_memory variants; joblib and Ray too when the peers' venv has them). They print
#    "no ParallelTable" until ParallelTable exists.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
T=${1:-$here/../.build/release/tessera}
R=${2:-401}
PY=${PYTHON:-python3}
P=$here/parallel
peers=$here/../../shared/bench/peers
ratio() { echo "scale=3; $1 / $2" | bc -l; }
field() { echo "$1" | tr -d '{} ' | cut -d, -f"$2"; }

# T
t=$($T -file "$P/transfer.wl" | tail -1)
read -r p_round p_pickle p_shm p_return p_none <<< "$($PY "$P/transfer_peer.py" 2>/dev/null)"
printf '%-58s %10s %10s %8s\n' "transfer (2 kernels; peer: multiprocessing)" tessera_s peer_s ratio
row() { printf '%-58s %10.6f %10.6f %8.3f\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
row "ParallelEvaluate[1] round trip (pool.map of 2)" "$(field "$t" 1)" "$p_round"
row "100 MB to 2 kernels, first time (pickle)" "$(field "$t" 2)" "$p_pickle"
row "100 MB to 2 kernels, first time (shared_memory attach)" "$(field "$t" 2)" "$p_shm"
row "100 MB to 2 kernels, again (shared_memory attach)" "$(field "$t" 3)" "$p_shm"
row "2 x 100 MB made on the kernels and returned (pickle)" "$(field "$t" 7)" "$p_return"
row "2 x 100 MB made on the kernels, Null returned (None)" "$(field "$t" 8)" "$p_none"
printf 'returning 2 x 100 MB costs %.3f x returning Null (peer: %.2f x)\n' \
  "$(ratio "$(field "$t" 7)" "$(field "$t" 8)")" "$(ratio "$p_return" "$p_none")"
printf '100 MB result back from kernel 1: %.4f s; Total of it on the master %.4f s (a master array: %.4f s)\n' \
  "$(field "$t" 4)" "$(field "$t" 5)" "$(field "$t" 6)"

# Many cheap items (bench/parallel/squares.wl)
sq=$($T -file "$P/squares.wl" | tail -1)
printf '%-58s %10s %10s %8s\n' "Table[i^2, {i, 10^5}] (2 kernels, medians of 30)" table_ms par_ms ratio
printf '%-58s %10.3f %10.3f %8.3f\n' "ParallelTable, Method -> Automatic" "$(field "$sq" 1)" "$(field "$sq" 2)" \
  "$(ratio "$(field "$sq" 2)" "$(field "$sq" 1)")"
printf '%-58s %10.3f %10.3f %8.3f\n' "ParallelTable, Method -> \"CoarsestGrained\"" "$(field "$sq" 1)" "$(field "$sq" 3)" \
  "$(ratio "$(field "$sq" 3)" "$(field "$sq" 1)")"

# W1-W3
# W2 and W3 before W1: after W1's 2 GB the VM's fresh pages cost more for a while (W2's serial
# RandomVariate took 0.31-0.37 s right after W1 against 0.177 s on its own).
w2=$($T -file "$P/w2_parallel.wl" | tail -1)
w3=$($T -file "$P/w3_parallel.wl" | tail -1)
w1_wl=$(mktemp --suffix .wl); sed "s/R = If\[ValueQ\[rows\], rows, 401\];/R = $R;/" "$P/w1_parallel.wl" > "$w1_wl"
w1=$($T -file "$w1_wl" | tail -1); rm -f "$w1_wl"
if [[ "$w1$w2$w3" == *"no ParallelTable"* ]]; then
  echo "W1 $w1"; echo "W2 $w2"; echo "W3 $w3"
  echo "(ParallelTable is not built in this binary: seed-program comparisons skipped)"
else
  printf '%-58s %10s %10s %8s\n' "seed programs (2 kernels)" serial_s parallel_s speedup
  sp() { printf '%-58s %10.3f %10.3f %8.2f\n' "$1" "$2" "$3" "$(ratio "$2" "$3")"; }
  sp "W1 cross_spectrum Table / ParallelTable, $R rows" "$(field "$w1" 1)" "$(field "$w1" 2)"
  sp "W2 RandomVariate 400000 / Join @@ ParallelTable" "$(field "$w2" 1)" "$(field "$w2" 2)"
  sp "W3 Table / ParallelTable" "$(field "$w3" 1)" "$(field "$w3" 2)"
  sp "W3 Map / ParallelMap" "$(field "$w3" 3)" "$(field "$w3" 4)"
  sp "W3 Table / ParallelTable making data on the kernels" "$(field "$w3" 1)" "$(field "$w3" 5)"
  printf 'W2 ParallelTable returning its 320 MB: %.3f x returning nothing; results identical: W1 %s, W3 %s\n' \
    "$(ratio "$(field "$w2" 2)" "$(field "$w2" 3)")" "$(field "$w1" 3)" "$(field "$w3" 6)"
fi
if [ "${PEERS:-0}" = 1 ]; then
  mkdir -p /tmp/peers  # the peers write their JSON reports there
  echo "== peers (../shared/bench/peers, same run)"
  (cd "$peers" && $PY bench_w1.py "$R" serial_sp,pool_pickle,shm 2 2>/dev/null | grep -A8 -E '^W1') || true
  (cd "$peers" && $PY bench_w2.py serial_np,pool_pickle,shm 3 2>/dev/null | grep -A8 -E '^W2') || true
  (cd "$peers" && $PY bench_w3.py serial_loop,pool_pickle,shm 3 2>/dev/null | grep -A8 -E '^W3') || true
fi
