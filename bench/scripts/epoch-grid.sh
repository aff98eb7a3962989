#!/usr/bin/env bash
# Time per training epoch at paper scale as cells per sample and samples grow.
# Usage: bench/scripts/epoch-grid.sh OUTDIR "SAMPLES:CELLS ..."   (default grid: the README's table)
# For each size: synth --preset paper-scale (seed 1) unless the file exists, then
# train --epochs 1 --threads 2 under /usr/bin/time -v. Prints one TSV line per size:
# samples, cells/sample, trainer's seconds for the epoch, wall s, CPU s (user+sys), peak RSS MiB.
# GROUNDMETRIC overrides the launcher (e.g. "java -Xmx3g -jar a-copy.jar"). JAVA_OPTS defaults to -Xmx3g.
# TRAIN_OPTS adds train options (e.g. TRAIN_OPTS="--batch-order anchors"). Run on an idle machine for
# absolute figures; on a shared one the CPU seconds are the steadier measure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:?output directory}"
grid="${2:-131:250 131:500 131:1000 131:2000 33:1000 66:1000 262:1000}"
export JAVA_OPTS="${JAVA_OPTS:--Xmx3g}"
# GROUNDMETRIC: the command to run (default: the launcher), e.g. "java -Xmx3g -jar /tmp/gm.jar".
gm="${GROUNDMETRIC:-$root/bin/groundmetric}"
mkdir -p "$out"
printf 'samples\tcells\tepoch_s\twall_s\tcpu_s\trss_mib\n'
for size in $grid; do
  s="${size%%:*}"; c="${size##*:}"
  data="$out/paper-scale-${s}x${c}.h5ad"
  [ -f "$data" ] || $gm synth --preset paper-scale --seed 1 --samples "$s" \
      --cells-per-sample "$c" --out "$data" > /dev/null
  log="$out/train-${s}x${c}.log"
  /usr/bin/time -v $gm train --input "$data" --sample-key sample --label-key class \
      --epochs 1 --threads 2 --quiet ${TRAIN_OPTS:-} --out "$out/model-${s}x${c}.json" > "$log" 2>&1
  epoch=$(sed -n 's/.*(\([0-9.]*\) s per epoch.*/\1/p' "$log")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$log")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$c" "$epoch" "$wall" "$cpu" "$rss"
done
