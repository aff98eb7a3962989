"""Writes roc_auc.json: ROC AUC by scikit-learn's roc_auc_score for RocAucTest.

Run with the Python that has scikit-learn:  /usr/bin/python3 make_roc_auc.py
Cases: binary scores with many ties (a 5-NN vote gives probabilities in steps of 0.2, on a 16/4
cohort), continuous binary scores, and class-probability rows of 3 and 4 classes scored
one-vs-rest (multi_class="ovr", average="macro"), with and without ties.
"""
import json

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score

rng = np.random.default_rng(15)
cases = []


def rows_summing_to_one(n, c, steps=None):
    p = rng.random((n, c))
    if steps:
        p = np.round(p * steps) + 1e-12
    p = p / p.sum(axis=1, keepdims=True)
    return p


# binary, a 16/4 cohort with 5-NN style probabilities (ties)
y = np.array([0] * 16 + [1] * 4)
p1 = rng.integers(0, 6, size=20) / 5.0
cases.append({"name": "binary_knn_ties_16_4", "classes": 2, "truth": y.tolist(),
              "probabilities": np.stack([1 - p1, p1], axis=1).tolist(),
              "auc": roc_auc_score(y, p1)})

# binary, continuous scores
y = rng.integers(0, 2, size=50)
y[0], y[1] = 0, 1
p1 = rng.random(50)
cases.append({"name": "binary_continuous_50", "classes": 2, "truth": y.tolist(),
              "probabilities": np.stack([1 - p1, p1], axis=1).tolist(),
              "auc": roc_auc_score(y, p1)})

# three classes, continuous, one-vs-rest macro
y = np.array([0] * 10 + [1] * 6 + [2] * 4)
p = rows_summing_to_one(20, 3)
cases.append({"name": "ovr_3_classes", "classes": 3, "truth": y.tolist(), "probabilities": p.tolist(),
              "auc": roc_auc_score(y, p, multi_class="ovr", average="macro")})

# four classes, coarse probabilities with ties
y = np.array([0, 1, 2, 3] * 6)
p = rows_summing_to_one(24, 4, steps=4)
cases.append({"name": "ovr_4_classes_ties", "classes": 4, "truth": y.tolist(), "probabilities": p.tolist(),
              "auc": roc_auc_score(y, p, multi_class="ovr", average="macro")})

with open("roc_auc.json", "w") as f:
    json.dump({"generator": "make_roc_auc.py", "sklearn": sklearn.__version__, "cases": cases}, f)
