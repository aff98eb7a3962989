#!/usr/bin/env bash
# The paper's Table 3: seconds per training epoch over rank k × neighbours t.
# Usage: bench/scripts/rank-t-sweep.sh OUTDIR [PRESET] ["RANKS"] ["TS"] [EPOCHS]
#   PRESET  synth200d (default; 30 samples × 300 cells × 200 features) or paper-scale
#   RANKS   ranks k to try; "full" = the number of features (default: "5 10 50 full")
#   TS      neighbours t to try; "all" = every sample of the class (default: "1 3 5 all")
#   EPOCHS  epochs per run, the mean is reported (default 2)
# For each (k, t): train --epochs EPOCHS --threads 2 on the preset's data (drawn once, seed 1),
# and prints one TSV line: rank, t, triplets per epoch (n·t²·(C−1); t = all: every triplet), and
# seconds per epoch (the trainer's own clock: W_θ solves, gradient and Adam; reading excluded).
# GROUNDMETRIC overrides the launcher (e.g. "java -Xmx3g -jar /tmp/gm.jar"); JAVA_OPTS defaults
# to -Xmx3g. The machine is shared: compare the cells of one run with each other, not across runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?output directory}"
preset="${2:-synth200d}"
ranks="${3:-5 10 50 full}"
ts="${4:-1 3 5 all}"
epochs="${5:-2}"
export JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
gm="${GROUNDMETRIC:-$root/bin/groundmetric}"
mkdir -p "$out"
data="$out/$preset.h5ad"
[ -f "$data" ] || $gm synth --preset "$preset" --seed 1 --out "$data" > /dev/null
features=$($gm inspect "$data" | sed -n 's/^cells x features: [0-9]* x \([0-9]*\).*/\1/p')
printf 'rank\tt\ttriplets_per_epoch\tepoch_s\n'
for k in $ranks; do
  [ "$k" = full ] && k="$features"
  for t in $ts; do
    log="$out/train-k$k-t$t.log"
    $gm train --input "$data" --sample-key sample --label-key class --rank "$k" -t "$t" \
        --epochs "$epochs" --threads 2 --quiet --out "$out/model-k$k-t$t.json" > "$log" 2> "$log.err"
    per=$(sed -n 's/.*(\([0-9.]*\) s per epoch.*/\1/p' "$log")
    # |T| per epoch of a preset's balanced classes: n·t²·(C−1), or n·(n/C − 1)·(n − n/C) for t = all
    triplets=$(sed -n 's/^samples=\([0-9]*\) classes=\([0-9]*\) .*/\1 \2/p' "$log" | awk -v t="$t" \
        '{n=$1; c=$2; m=n/c; if (t=="all") print n*(m-1)*(n-m); else print n*t*t*(c-1)}')
    printf '%s\t%s\t%s\t%s\n' "$k" "$t" "${triplets:-?}" "$per"
  done
done
