#!/usr/bin/env bash
# WXF throughput of issue 4: a 100 x 300000 real array (240 MB) through BinarySerialize,
# BinaryDeserialize, Export and Import in Tessera, and through wolframclient's export and
# binary_deserialize in Python, side by side in one run. Prints MB/s (10^6 bytes of array data per
# second, median of REPS runs) and the ratio Tessera / wolframclient.
#   bash bench/wxf.sh [path/to/tessera]
# Tessera: swift build -c release --product tessera
# Python:  a venv with wolframclient and numpy (PYTHON, default /tmp/tessera-wire-venv/bin/python,
#          the venv the WXF interop tests make).
set -euo pipefail
T=${1:-.build/release/tessera}
PY=${PYTHON:-/tmp/tessera-wire-venv/bin/python}
REPS=${REPS:-5}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
MB=240   # 100 * 300000 * 8 bytes

read -r t_ser t_de t_exp t_imp < <($T -code "
  a = RandomReal[1, {100, 300000}];
  med[f_] := Median[Table[First[AbsoluteTiming[f[]]], {$REPS}]];
  s = BinarySerialize[a];
  ts = med[(BinarySerialize[a];) &];
  td = med[(BinaryDeserialize[s];) &];
  te = med[(Export[\"$DIR/t.wxf\", a];) &];
  ti = med[(Import[\"$DIR/t.wxf\"];) &];
  If[BinaryDeserialize[s] =!= a || Import[\"$DIR/t.wxf\"] =!= a, Print[\"round trip failed\"]];
  StringRiffle[ToString /@ {ts, td, te, ti}, \" \"]")
read -r p_ser p_de p_exp p_imp p_num bytes < <($PY "$(dirname "$0")/wxf_peer.py" "$DIR/p.wxf" "$REPS")

rate() { echo "$MB / $1" | bc -l; }
row() { # name tessera_s python_s
  local tr pr
  tr=$(rate "$2"); pr=$(rate "$3")
  printf '%-34s %10.0f %14.0f %8.2f\n' "$1" "$tr" "$pr" "$(echo "$tr / $pr" | bc -l)"
}
printf '%-34s %10s %14s %8s\n' 'operation (240 MB Real64 array)' 'tessera' 'wolframclient' 'ratio'
row 'serialize to bytes' "$t_ser" "$p_ser"
row 'deserialize from bytes' "$t_de" "$p_de"
row 'export to file' "$t_exp" "$p_exp"
row 'import from file' "$t_imp" "$p_imp"
printf 'MB/s, median of %d; wolframclient writes NumericArray (numpy default) at %.0f MB/s; message %d bytes\n' \
  "$REPS" "$(rate "$p_num")" "$bytes"
