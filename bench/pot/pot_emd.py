#!/usr/bin/python3
"""One exact OT cost with POT, as one cold `groundmetric emd A.csv B.csv` computes it (the Python
side of the whole-process comparison with farm-bench --vs).

Usage: /usr/bin/python3 bench/pot/pot_emd.py A.csv B.csv [metric [WA.txt WB.txt]]
Prints cost=<value>, like groundmetric emd (weights as its --weights-a/--weights-b; uniform without).
"""
import sys

import numpy as np
import ot

x = np.loadtxt(sys.argv[1], delimiter=",", ndmin=2)
y = np.loadtxt(sys.argv[2], delimiter=",", ndmin=2)
metric = sys.argv[3] if len(sys.argv) > 3 else "euclidean"
if len(sys.argv) > 5:
    a = np.loadtxt(sys.argv[4])
    b = np.loadtxt(sys.argv[5])
else:
    a = np.full(len(x), 1 / len(x))
    b = np.full(len(y), 1 / len(y))
print(f"cost={ot.emd2(a, b, ot.dist(x, y, metric=metric), numItermax=10**9)!r}")
