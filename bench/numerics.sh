#!/usr/bin/env bash
# Numerics benchmarks of issue 3, side by side with the numpy/scipy peers in one run.
#   swift build -c release --product tessera
#   bash bench/numerics.sh [path/to/tessera] [rows]
# W1 cross-spectrum Table over `rows` rows (401) vs scipy's serial row loop, with the FFT rate;
# W2 400000 x 100 multinormal draws vs numpy multivariate_normal; W3 kernel_traffic.wl's per-row
# Table vs numpy's row loop; M peak memory (/usr/bin/time -v) of cross_spectrum.wl's serial part.
# Threads: one BLAS/FFTW thread (Tessera's default; TESSERA_THREADS=n raises it). numpy uses its
# OpenBLAS default; peers.py also reports it with one BLAS thread when threadpoolctl is installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
T=${1:-$here/../.build/release/tessera}
R=${2:-401}
PY=${PYTHON:-python3}
B=$here/numerics
ratio() { echo "scale=3; $1 / $2" | bc -l; }

# W1
w1_wl=$(mktemp --suffix .wl); sed "s/R = If\[ValueQ\[rows\], rows, 401\];/R = $R;/" "$B/w1_cross_spectrum.wl" > "$w1_wl"
w1=$($T -file "$w1_wl" | tail -1); rm -f "$w1_wl"
t_w1=$(echo "$w1" | tr -d '{}' | cut -d, -f1); t_fft=$(echo "$w1" | tr -d '{} ' | cut -d, -f2); n_fft=$(echo "$w1" | tr -d '{} ' | cut -d, -f3)
p_w1=$($PY "$B/peers.py" w1 "$R")
gflops=$(echo "scale=2; 5 * $n_fft * l($n_fft) / l(2) / $t_fft / 10^9" | bc -l)

# W2
t_w2=$($T -file "$B/w2_multinormal.wl" | tail -1 | tr -d '{}' | cut -d, -f1)
read -r p_w2 p_w2_1 <<< "$($PY "$B/peers.py" w2)"

# W3
t_w3=$($T -file "$B/w3_kernel_traffic.wl" | tail -1 | tr -d '{}')
p_w3=$($PY "$B/peers.py" w3)

# M: peak RSS of the serial part, and of the two input arrays alone
rss=$( { /usr/bin/time -v $T -file "$B/memory_serial.wl" >/dev/null; } 2>&1 | awk '/Maximum resident/ {print $6}')
inputs_mb=$(echo "2 * 401 * 300000 * 8 / 10^6" | bc -l)
row_mb=48   # one row's work: 2 padded rows (2 x 4.8 MB) + 2 spectra (2 x 9.6 MB) + product (9.6) + Im (4.8) + rows (2 x 2.4)
allowed=$(echo "$inputs_mb + $row_mb" | bc -l)

printf '%-44s %10s %10s %8s\n' benchmark tessera_s peer_s ratio
printf '%-44s %10.3f %10.3f %8.2f\n' "W1 cross-spectrum Table, $R rows (scipy)" "$t_w1" "$p_w1" "$(ratio "$t_w1" "$p_w1")"
printf '%-44s %10.3f %10.3f %8.2f\n' 'W2 multinormal 400000 x 100 (numpy)' "$t_w2" "$p_w2" "$(ratio "$t_w2" "$p_w2")"
printf '%-44s %10.3f %10.3f %8.2f\n' 'W3 kernel_traffic per-row Table (numpy)' "$t_w3" "$p_w3" "$(ratio "$t_w3" "$p_w3")"
printf 'numpy multinormal with 1 BLAS thread: %s s\n' "$p_w2_1"
printf 'FFT: one Fourier of %s reals %.2f ms = %s GFLOP/s against 5 N log2 N\n' "$n_fft" "$(echo "$t_fft * 1000" | bc -l)" "$gflops"
printf 'peak RSS of cross_spectrum.wl serial part: %.0f MB = %.2f x (inputs %.0f MB + one row %d MB)\n' \
  "$(echo "$rss / 1000" | bc -l)" "$(echo "$rss / 1000 / $allowed" | bc -l)" "$inputs_mb" "$row_mb"
