#!/usr/bin/env bash
# GGML with --class-weight none against balanced on one cohort (issue 15): the same protocol,
# seed and folds, so the only difference is how often each class anchors triplets. Prints the
# protocol, the vote and GGML's row of the benchmark table for each weight.
#
# usage: bench/scripts/class-weight.sh OUTDIR INPUT SAMPLE_KEY LABEL_KEY [benchmark options...]
# e.g.   bench/scripts/class-weight.sh /tmp/cw cohort.h5ad donor_id disease --cv kfold:5 --repeats 3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out=$1 input=$2 sample_key=$3 label_key=$4
shift 4
mkdir -p "$out"
for weight in none balanced; do
  echo "--class-weight $weight"
  "$root/bin/groundmetric" benchmark --input "$input" --sample-key "$sample_key" --label-key "$label_key" \
      --methods GGML --class-weight "$weight" --clustering-cells 0 -q --out "$out/$weight.csv" "$@" \
      | grep -E '^(samples=|vote:|\| method|\| GGML)'
done
