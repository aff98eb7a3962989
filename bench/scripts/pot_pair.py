#!/usr/bin/python3
"""Times POT's exact solver (ot.emd2) on the pair PairSolveCpu wrote, by process CPU time.

Usage: /usr/bin/python3 bench/scripts/pot_pair.py points.tsv [repeats]
The file has n rows of 2k columns: the first k are the source sample's projected cells, the
rest the target's. Prints the optimal value (compare with PairSolveCpu's) and ms of CPU per solve.
"""
import sys
import time

import numpy as np
import ot

pts = np.loadtxt(sys.argv[1])
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 10
k = pts.shape[1] // 2
x, y = pts[:, :k], pts[:, k:]
n = len(x)
a = np.full(n, 1.0 / n)
m = ot.dist(x, y, metric="euclidean")
value = ot.emd2(a, a, m, numItermax=10**8)
times = []
for _ in range(reps):
    t0 = time.process_time()
    ot.emd2(a, a, m, numItermax=10**8)
    times.append(time.process_time() - t0)
print(f"POT {ot.__version__} emd2 value {value:.15g}; mean {1e3 * np.mean(times):.1f} ms CPU, best {1e3 * min(times):.1f} ms")
