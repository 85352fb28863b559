#!/usr/bin/env bash
# All benchmarks, each side by side with its peer in one run (`make bench` builds the release binary
# first). Results and the commands behind them are kept in bench/RESULTS.md.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
T=${1:-$here/../.build/release/tessera}
venv=${WXF_VENV:-/tmp/tessera-wire-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install --quiet wolframclient numpy
fi
echo "== core (issue 2)";      bash "$here/core.sh" "$T"
echo "== numerics (issue 3)";  bash "$here/numerics.sh" "$T"
echo "== WXF (issue 4)";       PYTHON="$venv/bin/python" bash "$here/wxf.sh" "$T"
