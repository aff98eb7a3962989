#!/usr/bin/env bash
# Side by side on the same files: groundmetric emd --repeat R vs POT's ot.emd2 (Debian python3-pot),
# alternating, 3 rounds, wall-clock medians (cost matrix included, reading and warm-up excluded).
# Usage: bench/pot/compare.sh N R  — run from anywhere; writes a_N.csv/b_N.csv into the working
# directory first with: /usr/bin/python3 bench/pot/make_data.py
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
gm="${GROUNDMETRIC:-$here/../../bin/groundmetric}"
n=$1; r=$2
for round in 1 2 3; do
  ours=$("$gm" emd "a_$n.csv" "b_$n.csv" --repeat "$r" | sed -n 's/median_ms=//p')
  pot=$(/usr/bin/python3 "$here/pot_time.py" "a_$n.csv" "b_$n.csv" "$r" | sed -n 's/.*median_ms=//p')
  echo "n=$n round=$round groundmetric_ms=$ours pot_ms=$pot ratio=$(python3 -c "print(round($pot/$ours, 2))")"
done
