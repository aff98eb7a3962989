"""Reference k-means for KMeansTest: scikit-learn's Lloyd from given starting cells.

Run with /usr/bin/python3 (scikit-learn 1.2): writes kmeans.json beside this file. Data are float32
values (as groundmetric stores cells) handed to scikit-learn as float64, so both compute on the
same numbers in double precision.
"""
import json
import os

import numpy as np
from sklearn.cluster import KMeans

rng = np.random.default_rng(14)
cases = []
for name, n, d, k, zeros in [("dense_overlapping_blobs", 160, 6, 5, 0.0),
                              ("sparse_counts", 120, 40, 6, 0.7)]:
    centres = rng.normal(0, 3, size=(4, d))
    x = centres[rng.integers(0, 4, size=n)] + rng.normal(0, 1.5, size=(n, d))
    if zeros > 0:
        x = np.abs(x) * (rng.random((n, d)) > zeros)
    x = x.astype(np.float32).astype(np.float64)
    start = rng.choice(n, size=k, replace=False)
    km = KMeans(n_clusters=k, init=x[start], n_init=1, algorithm="lloyd", tol=0.0, max_iter=300).fit(x)
    cases.append({"name": name, "x": x.tolist(), "start": start.tolist(), "labels": km.labels_.tolist(),
                  "inertia": float(km.inertia_), "steps": int(km.n_iter_)})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "kmeans.json"), "w") as f:
    json.dump({"source": "scikit-learn " + __import__("sklearn").__version__ + " KMeans(init=x[start], n_init=1,"
               " algorithm='lloyd', tol=0)", "cases": cases}, f)
