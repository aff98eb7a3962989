#!/usr/bin/env bash
# Summarised samples against full samples on the paper's Synth200D file (30 training samples of
# 300 cells, 200 features; paper settings, 30 epochs, 2 threads), run in turn ROUNDS times so the
# ratio is measured in the same run on a shared machine:
#   full:    train ... --filter split=train
#   kmeans:  train ... --filter split=train --summarize kmeans:K
# Prints per run: the trainer's mean seconds per epoch (the model's history), the whole process's
# wall and CPU seconds / epochs; then the medians and the ratio full / summarised; and, for each
# model, the leave-one-out 5-NN accuracy of the split == test samples under W_θ (distances --model,
# which replays the summary; uniform 5-NN vote as GgmlPaperDataTest, scikit-learn, /usr/bin/python3).
# Usage: bench/scripts/summary-synth200d.sh FILE.h5ad OUTDIR [K=20] [ROUNDS=3]
# GROUNDMETRIC overrides the launcher (e.g. "java -jar a-copy.jar").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
data="${1:?synth200d_paper.h5ad}"
out="${2:?output directory}"
k="${3:-20}"
rounds="${4:-3}"
gm="${GROUNDMETRIC:-$root/bin/groundmetric}"
mkdir -p "$out"
common=(-i "$data" --sample-key distribution --label-key class --filter split=train --threads 2 --quiet)
printf 'run\tepoch_s\twall_per_epoch_s\tcpu_per_epoch_s\n'
for r in $(seq 1 "$rounds"); do
  for kind in full kmeans; do
    extra=()
    [ "$kind" = kmeans ] && extra=(--summarize "kmeans:$k")
    log="$out/$kind-$r.log"
    /usr/bin/time -f 'wall=%e cpu=%U+%S' $gm train "${common[@]}" "${extra[@]}" --out "$out/$kind.json" > "$log" 2>&1
    /usr/bin/python3 - "$out/$kind.json" "$log" "$kind" <<'PY'
import json, re, sys
m = json.load(open(sys.argv[1])); h = m["history"]
log = open(sys.argv[2]).read()
wall = float(re.search(r"wall=([0-9.]+)", log).group(1))
u, s = re.search(r"cpu=([0-9.]+)\+([0-9.]+)", log).groups()
n = len(h)
print(f"{sys.argv[3]}\t{sum(e['seconds'] for e in h) / n:.4f}\t{wall / n:.4f}\t{(float(u) + float(s)) / n:.4f}")
PY
  done
done | tee "$out/runs.tsv"
/usr/bin/python3 - "$out/runs.tsv" <<'PY'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]) if l.strip()]
med = {k: [statistics.median(float(r[c]) for r in rows if r[0] == k) for c in (1, 2, 3)] for k in ("full", "kmeans")}
for k, v in med.items():
    print(f"median {k}: epoch {v[0]:.4f} s, wall/epoch {v[1]:.4f} s, cpu/epoch {v[2]:.4f} s")
print("full / summarised: epoch %.1fx, wall per epoch %.1fx, cpu per epoch %.1fx" % tuple(
    f / s for f, s in zip(med["full"], med["kmeans"])))
PY
for kind in full kmeans; do
  $gm distances --model "$out/$kind.json" -i "$data" --sample-key distribution --filter split=test \
      --threads 2 --quiet --out "$out/$kind-test.tsv" > /dev/null
  /usr/bin/python3 - "$out/$kind-test.tsv" "$data" "$kind" <<'PY'
import sys
import anndata, numpy as np
from sklearn.neighbors import KNeighborsClassifier
lines = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
ids = lines[0][1:]
d = np.array([[float(x) for x in l[1:]] for l in lines[1:]])
obs = anndata.read_h5ad(sys.argv[2], backed="r").obs
label = obs.groupby("distribution")["class"].first()
y = np.array([label[i] for i in ids])
hits = 0
for i in range(len(ids)):
    rest = [j for j in range(len(ids)) if j != i]
    knn = KNeighborsClassifier(5, metric="precomputed").fit(d[np.ix_(rest, rest)], y[rest])
    hits += knn.predict(d[np.ix_([i], rest)])[0] == y[i]
print(f"{sys.argv[3]}: leave-one-out 5-NN accuracy on split == test: {hits / len(ids):.2f}")
PY
done
