#!/usr/bin/python3
"""groundmetric's exact OT against POT's ot.emd2 on every problem family, in one run.

Usage (from the repository root, after writing the problems with FamilyFiles):
  java -cp bench/target/benchmarks.jar org.groundmetric.bench.FamilyFiles /tmp/families
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/pot/vs_pot.py /tmp/families [--rounds K] [--repeat R]
      [--large-repeat R5000] [--sizes 300,1000] [--families far,ties]

For each problem, K rounds, each one pair measured back to back: POT 0.8 (Debian python3-pot) times
ot.emd2(a, b, ot.dist(x, y, metric)) in this process, then `bin/groundmetric emd A B --metric M
[--weights-a/-b] --repeat R` times the same (cost matrix included on both sides). Each side reports
the median CPU time of R solves after a warm-up (robust to other jobs on a shared machine): POT's
process CPU time (run with one BLAS thread, so both sides are single-threaded), groundmetric's
solving thread. The round's ratio POT/groundmetric comes from that pair; the table gives the median
and the worst (lowest) ratio over the K rounds, worst family first. The values must agree to 1e-9
relative. Problems with 5000 points or more take --large-repeat solves per round (POT needs seconds).
"""
import argparse
import csv
import os
import subprocess
import sys
import time

import numpy as np
import ot

HERE = os.path.dirname(os.path.abspath(__file__))
GROUNDMETRIC = os.environ.get("GROUNDMETRIC", os.path.join(HERE, "..", "..", "bin", "groundmetric"))


def load(directory, row):
    name = row["name"]
    x = np.loadtxt(os.path.join(directory, name + "_a.csv"), delimiter=",", ndmin=2)
    y = np.loadtxt(os.path.join(directory, name + "_b.csv"), delimiter=",", ndmin=2)
    if row["weighted"] == "1":
        a = np.loadtxt(os.path.join(directory, name + "_wa.txt"))
        b = np.loadtxt(os.path.join(directory, name + "_wb.txt"))
    else:
        a = np.full(len(x), 1 / len(x))
        b = np.full(len(y), 1 / len(y))
    return x, y, a, b


def time_pot(x, y, a, b, metric, repeat):
    def once():
        return ot.emd2(a, b, ot.dist(x, y, metric=metric), numItermax=10**9)
    value = once()
    times = []
    for _ in range(repeat):
        # process CPU: ot.dist's matrix product may run on several BLAS threads, all counted
        t0 = time.process_time()
        once()
        times.append(time.process_time() - t0)
    return value, 1000 * float(np.median(times))


def time_groundmetric(directory, row, repeat):
    name = row["name"]
    cmd = [GROUNDMETRIC, "emd", os.path.join(directory, name + "_a.csv"), os.path.join(directory, name + "_b.csv"),
           "--metric", row["metric"], "--repeat", str(repeat)]
    if row["weighted"] == "1":
        cmd += ["--weights-a", os.path.join(directory, name + "_wa.txt"),
                "--weights-b", os.path.join(directory, name + "_wb.txt")]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    fields = dict(line.split("=", 1) for line in out.split() if "=" in line)
    return float(fields["cost"]), float(fields["median_cpu_ms"]), fields.get("solver", "?")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--repeat", type=int, default=5, help="timed solves per side and round")
    parser.add_argument("--large-repeat", type=int, default=1, help="timed solves at n >= 5000")
    parser.add_argument("--rounds", type=int, default=3, help="alternating POT/groundmetric pairs per problem")
    parser.add_argument("--sizes", default=None, help="only these n, e.g. 300,1000")
    parser.add_argument("--families", default=None, help="only these families, e.g. far,ties")
    parser.add_argument("--pot-only", action="store_true", help="time POT alone (e.g. to tune against)")
    args = parser.parse_args()
    sizes = None if args.sizes is None else {int(s) for s in args.sizes.split(",")}
    families = None if args.families is None else set(args.families.split(","))
    with open(os.path.join(args.directory, "problems.tsv")) as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if (sizes is None or int(r["n"]) in sizes) and (families is None or r["family"] in families)]
    print(f"POT {ot.__version__} ot.emd2 + ot.dist against {GROUNDMETRIC} emd, CPU time, {args.rounds} alternating"
          f" rounds of the median of {args.repeat} solves ({args.large_repeat} at n >= 5000)", flush=True)
    results = []
    for row in rows:
        x, y, a, b = load(args.directory, row)
        repeat = args.large_repeat if int(row["n"]) >= 5000 else args.repeat
        if args.pot_only:
            pot_value, pot_ms = time_pot(x, y, a, b, row["metric"], repeat)
            print(f"  {row['name']:<20} POT {pot_ms:9.1f} ms  value={pot_value!r}", flush=True)
            continue
        rounds = []
        for _ in range(args.rounds):
            pot_value, pot_ms = time_pot(x, y, a, b, row["metric"], repeat)
            ours_value, ours_ms, solver = time_groundmetric(args.directory, row, repeat)
            rounds.append((pot_ms / ours_ms, pot_ms, ours_ms))
        ratios = sorted(r[0] for r in rounds)
        median_ratio = float(np.median(ratios))
        pot_ms = float(np.median([r[1] for r in rounds]))
        ours_ms = float(np.median([r[2] for r in rounds]))
        agree = abs(ours_value - pot_value) <= 1e-9 * max(1.0, abs(pot_value))
        results.append((median_ratio, ratios[0], row, pot_ms, ours_ms, solver, agree, pot_value, ours_value))
        print(f"  {row['name']:<20} POT {pot_ms:9.1f} ms  groundmetric {ours_ms:9.1f} ms ({solver})"
              f"  POT/groundmetric median {median_ratio:5.2f} worst {ratios[0]:5.2f}"
              f"  values {'agree' if agree else 'DIFFER'}", flush=True)
    print()
    print("| family | n × m | POT ms | groundmetric ms | solver | POT / groundmetric, median | worst round |"
          " values agree (1e-9) |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for ratio, worst, row, pot_ms, ours_ms, solver, agree, pv, ov in sorted(results, key=lambda r: r[0]):
        print(f"| {row['description']} | {row['n']} × {row['m']} | {pot_ms:.1f} | {ours_ms:.1f} | {solver} |"
              f" {ratio:.2f}× | {worst:.2f}× | {'yes' if agree else f'NO: {pv!r} vs {ov!r}'} |")
    if results:
        worst = min(results, key=lambda r: r[1])
        print(f"\nworst round: {worst[1]:.2f}× ({worst[2]['name']}); lowest median: "
              f"{results and min(r[0] for r in results):.2f}×")
    if not all(r[6] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
