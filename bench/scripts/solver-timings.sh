#!/usr/bin/env bash
# Every solver timing the README claims, in one run on one machine (about 25 minutes on 2 cores):
#   1. exact OT against POT: the thirteen families at 300, 1000, 2000 and 5000 points
#      (bench/pot/vs_pot.py: ot.emd2 + ot.dist against `groundmetric emd`, cost matrix included);
#   2. training with --solver sinkhorn against the exact default at paper scale
#      (synth --preset paper-scale --seed 1: 131 samples × 1000 cells × 8,433 genes, one epoch);
#   3. the same on the paper's Synth200D draw (30 training samples, 10 epochs), when its file is given.
# Training runs alternate sinkhorn / exact PAIRS times; each pair gives a CPU ratio (user + system
# seconds of the whole process, /usr/bin/time), and the run prints their minimum, median and maximum.
# Run it on a quiet machine: both sides are timed in the same run, but other jobs move them apart.
# Usage: bench/scripts/solver-timings.sh OUTDIR [SYNTH200D.h5ad] [PAIRS=5]
# Needs: the built jars (mvn -B -q -pl cli,bench -am package -DskipTests) and Debian's python3-pot.
# GROUNDMETRIC overrides the launcher (e.g. a script running "java -jar a-copy.jar"); SIZES and
# FAMILIES narrow step 1 for a quick look (e.g. SIZES=300 FAMILIES=weights,clusters_50d).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?output directory}"
synth200d="${2:-}"
pairs="${3:-5}"
gm="${GROUNDMETRIC:-$root/bin/groundmetric}"
mkdir -p "$out"
echo "== start $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== 1. exact OT against POT, every family and size"
if [ ! -f "$out/families/problems.tsv" ]; then
  java -cp "$root/bench/target/benchmarks.jar" org.groundmetric.bench.FamilyFiles "$out/families" > /dev/null
fi
OPENBLAS_NUM_THREADS=1 GROUNDMETRIC="$gm" /usr/bin/python3 "$root/bench/pot/vs_pot.py" "$out/families" \
  --rounds 3 --repeat 5 --large-repeat 1 --sizes "${SIZES:-300,1000,2000,5000}" ${FAMILIES:+--families "$FAMILIES"} | tee "$out/pot.txt" | sed -n '/^| family/,$p'

# alternate: NAME PAIRS "sinkhorn args" "exact args"; prints the per-pair CPU ratios and the trainer's lines
alternate() {
  local name="$1" n="$2" a="$3" b="$4" ratios=()
  for p in $(seq 1 "$n"); do
    local ca cb
    /usr/bin/time -f '%U %S' -o "$out/$name-a.time" $gm $a --out "$out/$name-a.json" > "$out/$name-a-$p.log" 2>&1
    /usr/bin/time -f '%U %S' -o "$out/$name-b.time" $gm $b --out "$out/$name-b.json" > "$out/$name-b-$p.log" 2>&1
    ca=$(awk '{print $1 + $2}' "$out/$name-a.time")
    cb=$(awk '{print $1 + $2}' "$out/$name-b.time")
    ratios+=("$(awk -v x="$ca" -v y="$cb" 'BEGIN {printf "%.4f", x / y}')")
    echo "  pair $p: sinkhorn ${ca} CPU s, exact ${cb} CPU s, ratio ${ratios[-1]}"
  done
  printf '%s\n' "${ratios[@]}" | sort -n | awk -v name="$name" \
    '{r[NR] = $1} END {m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2;
      printf "  %s sinkhorn/exact CPU: min %.4f median %.4f max %.4f (%d pairs)\n", name, r[1], m, r[NR], NR}'
  grep -h "^trained" "$out/$name-a-$n.log" "$out/$name-b-$n.log" | sed 's/^/  /'
}

echo "== 2. training, --solver sinkhorn against the exact default, paper scale, one epoch $(date -u +%T)"
[ -f "$out/paper-scale.h5ad" ] || $gm synth --preset paper-scale --seed 1 --out "$out/paper-scale.h5ad" > /dev/null
t="train --input $out/paper-scale.h5ad --sample-key sample --label-key class --epochs 1 --threads 2 --quiet"
JAVA_OPTS="${JAVA_OPTS:-} -Xmx3g" alternate paper-scale "$pairs" "$t --solver sinkhorn" "$t"

if [ -n "$synth200d" ]; then
  echo "== 3. training, --solver sinkhorn against the exact default, Synth200D, 10 epochs $(date -u +%T)"
  s="train --input $synth200d --sample-key distribution --label-key class --filter split=train --epochs 10 --threads 2 --quiet"
  alternate synth200d 3 "$s --solver sinkhorn" "$s"
fi
echo "== end $(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
