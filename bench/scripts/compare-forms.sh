#!/usr/bin/env bash
# The low-rank form (W, k x D) against the diagonal form (one weight per gene) of GGML, paper defaults.
# Usage: bench/scripts/compare-forms.sh DATA_DIR OUTDIR
#   DATA_DIR holds synth2d_paper.h5ad, synth200d_paper.h5ad and glioblastoma_panobinostat.h5ad.
# Synth2D / Synth200D: train on split == train, leave-one-out 5-NN of the split == test samples
# under W_theta (bench/scripts/loo_knn.py). Glioblastoma (5 patients, each a vehicle and a
# panobinostat sample): leave one patient out, train on the other 8 samples (--keep-reference) and
# predict the held-out patient's two samples (3 nearest, distance-weighted); accuracy over the 10.
# Prints one TSV line per data set and form: seconds per epoch (trainer's clock, mean over runs) and
# accuracy on samples the model never saw.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:?data directory}"
out="${2:?output directory}"
gm="${GROUNDMETRIC:-$root/bin/groundmetric}"
mkdir -p "$out"
printf 'data\tform\tepoch_s\taccuracy\n'
epoch() { sed -n 's/.*(\([0-9.]*\) s per epoch.*/\1/p' "$1"; }
for name in synth2d synth200d; do
  file="$data/${name}_paper.h5ad"
  for form in low-rank diagonal; do
    m="$out/$name.$form.json"
    $gm train --input "$file" --sample-key distribution --label-key class --filter split=train \
        --form "$form" --threads 2 --quiet --out "$m" > "$out/$name.$form.log"
    $gm distances --model "$m" --input "$file" --sample-key distribution --filter split=test \
        --threads 2 --quiet --out "$out/$name.$form.test.tsv" > /dev/null
    acc=$(/usr/bin/python3 "$root/bench/scripts/loo_knn.py" "$out/$name.$form.test.tsv" "$file" distribution class 5)
    printf '%s\t%s\t%s\t%s\n' "$name" "$form" "$(epoch "$out/$name.$form.log")" "$acc"
  done
done
file="$data/glioblastoma_panobinostat.h5ad"
patients="PW030 PW032 PW034 PW036 PW040"
for form in low-rank diagonal; do
  right=0; total=0; seconds=0
  for p in $patients; do
    others=$(echo $patients | tr ' ' '\n' | grep -v "^$p$" | paste -sd, -)
    m="$out/glio.$form.$p.json"
    $gm train --input "$file" --sample-key sample_id --label-key condition --filter "patient_id=$others" \
        --form "$form" --keep-reference --threads 2 --quiet --out "$m" > "$out/glio.$form.$p.log"
    seconds=$(awk -v a="$seconds" -v b="$(epoch "$out/glio.$form.$p.log")" 'BEGIN {print a + b}')
    $gm predict --model "$m" --input "$file" --sample-key sample_id --label-key condition \
        --filter "patient_id=$p" --k 3 --threads 2 --quiet --out "$out/glio.$form.$p.tsv" > /dev/null
    right=$((right + $(awk -F'\t' 'NR > 1 && $2 == $3' "$out/glio.$form.$p.tsv" | wc -l)))
    total=$((total + $(awk 'NR > 1' "$out/glio.$form.$p.tsv" | wc -l)))
  done
  printf 'glioblastoma\t%s\t%s\t%s\n' "$form" "$(awk -v s="$seconds" 'BEGIN {printf "%.3f", s / 5}')" \
      "$(awk -v r="$right" -v t="$total" 'BEGIN {printf "%.2f (%d/%d)", r / t, r, t}')"
done
