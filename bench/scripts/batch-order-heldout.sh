#!/usr/bin/env bash
# Held-out accuracy of the two batch orders after a given number of epochs, on a paper-scale cohort
# small enough to run many trainings (131 samples × 300 cells × 8,433 genes, seed 1): samples
# 000–090 train, 091–130 (10 per class) are held out and classified by predict (5-NN against the
# training samples kept in the model). Compare the orders at equal time, not at equal epochs: an
# anchors epoch costs 2.6× less than a random one at this scale (README, training at scale).
# Usage: bench/scripts/batch-order-heldout.sh OUTDIR "random:1 random:2 anchors:3 ..." [SEEDS] [TRAIN_OPTS]
#   e.g. ... OUT "random:1 random:2 random:3 anchors:2 anchors:3 anchors:5 anchors:8" "0 1 2" "--summarize kmeans:20"
# Prints one line per run: order, epochs, seed, final training loss, held-out balanced accuracy and AUC.
# GROUNDMETRIC overrides the launcher (e.g. "java -jar a-copy.jar").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?output directory}"
runs="${2:?order:epochs list}"
seeds="${3:-0}"
extra="${4:-}"
gm="${GROUNDMETRIC:-$root/bin/groundmetric}"
mkdir -p "$out"
data="$out/paper-scale-131x300.h5ad"
[ -f "$data" ] || $gm synth --preset paper-scale --seed 1 --cells-per-sample 300 --quiet --out "$data" > /dev/null
train=$(seq -f 'sample_%03g' 0 90 | paste -sd, -)
test=$(seq -f 'sample_%03g' 91 130 | paste -sd, -)
printf 'order\tepochs\tseed\tloss\tbalanced_accuracy\tauc\n'
for seed in $seeds; do
  for run in $runs; do
    order="${run%%:*}"; epochs="${run##*:}"
    m="$out/$order-$epochs-$seed"
    # shellcheck disable=SC2086
    $gm train -i "$data" --sample-key sample --label-key class --filter "sample=$train" --epochs "$epochs" \
        --threads 2 --batch-order "$order" --seed "$seed" --keep-reference --quiet $extra --out "$m.json" > "$m.log" 2>&1
    $gm predict --model "$m.json" -i "$data" --sample-key sample --label-key class --filter "sample=$test" \
        --quiet --out "$m.tsv" > "$m.predict" 2>&1
    loss=$(sed -n 's/.*final loss \([0-9.]*\).*/\1/p' "$m.log")
    acc=$(sed -n 's/.*balanced_accuracy=\([0-9.]*\).*/\1/p' "$m.predict")
    auc=$(sed -n 's/.* auc=\([0-9.]*\).*/\1/p' "$m.predict")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$order" "$epochs" "$seed" "$loss" "$acc" "$auc"
  done
done
