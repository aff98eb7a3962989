#!/usr/bin/python3
"""groundmetric's exact OT against POT's ot.emd2 on every problem family, in one run.

Usage (from the repository root, after writing the problems with FamilyFiles):
  java -cp bench/target/benchmarks.jar org.groundmetric.bench.FamilyFiles /tmp/families
  /usr/bin/python3 bench/pot/vs_pot.py /tmp/families [--repeat R] [--sizes 300,1000] [--families far,ties]

For each problem, alternating: POT 0.8 (Debian python3-pot) times ot.emd2(a, b, ot.dist(x, y, metric))
in this process, then `bin/groundmetric emd A B --metric M [--weights-a/-b] --repeat R` times the same
(cost matrix included on both sides). Both report the median CPU time of R solves after a warm-up
(robust to other jobs on a shared machine): POT's process CPU time (all BLAS threads of ot.dist
counted), groundmetric's solving thread (the solvers are single-threaded). The values must agree to 1e-9 relative. The table
is printed worst ratio first.
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
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sizes", default=None, help="only these n, e.g. 300,1000")
    parser.add_argument("--families", default=None, help="only these families, e.g. far,ties")
    parser.add_argument("--pot-only", action="store_true", help="time POT alone (e.g. to tune against)")
    args = parser.parse_args()
    sizes = None if args.sizes is None else {int(s) for s in args.sizes.split(",")}
    families = None if args.families is None else set(args.families.split(","))
    with open(os.path.join(args.directory, "problems.tsv")) as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t")
                if (sizes is None or int(r["n"]) in sizes) and (families is None or r["family"] in families)]
    print(f"POT {ot.__version__} ot.emd2 + ot.dist against {GROUNDMETRIC} emd, CPU time, median of {args.repeat}",
          flush=True)
    results = []
    for row in rows:
        x, y, a, b = load(args.directory, row)
        pot_value, pot_ms = time_pot(x, y, a, b, row["metric"], args.repeat)
        if args.pot_only:
            print(f"  {row['name']:<20} POT {pot_ms:9.1f} ms  value={pot_value!r}", flush=True)
            continue
        ours_value, ours_ms, solver = time_groundmetric(args.directory, row, args.repeat)
        agree = abs(ours_value - pot_value) <= 1e-9 * max(1.0, abs(pot_value))
        results.append((pot_ms / ours_ms, row, pot_ms, ours_ms, solver, agree, pot_value, ours_value))
        print(f"  {row['name']:<20} POT {pot_ms:9.1f} ms  groundmetric {ours_ms:9.1f} ms ({solver})"
              f"  POT/groundmetric {pot_ms / ours_ms:5.2f}  values {'agree' if agree else 'DIFFER'}", flush=True)
    print()
    print("| family | n × m | POT ms | groundmetric ms | solver | POT / groundmetric | values agree (1e-9) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for ratio, row, pot_ms, ours_ms, solver, agree, pv, ov in sorted(results, key=lambda r: r[0]):
        print(f"| {row['description']} | {row['n']} × {row['m']} | {pot_ms:.1f} | {ours_ms:.1f} | {solver} |"
              f" {ratio:.2f}× | {'yes' if agree else f'NO: {pv!r} vs {ov!r}'} |")
    if not all(r[5] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
