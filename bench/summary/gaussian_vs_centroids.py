"""Do Gaussian summaries (diagonal covariance, Bures–Wasserstein cost) pay off beyond centroids?

For a fixed ground metric W (a model file, or the identity), compares exact W_θ between samples
summarised three ways with W_θ between all their cells (POT's ot.emd2, uniform / share weights):
  centroids   K k-means centroids per sample, cost ‖W(cᵢ − cⱼ)‖ (what train --summarize does)
  gaussian    the same clusters as Gaussians N(cᵢ, diag(σᵢ²)) in feature space, cost the
              2-Wasserstein distance between their images under W: √(‖W(cᵢ − cⱼ)‖² + B²) with B the
              Bures distance between W·diag(σᵢ²)·Wᵀ and W·diag(σⱼ²)·Wᵀ (k × k, exact)
  gauss-diag  as gaussian, keeping only the diagonal of the projected covariances
                (B² = Σ_r (√aᵢᵣ − √aⱼᵣ)², aᵢᵣ = Σ_g W_rg² σᵢg²)
and reports, per K: the median relative error against the full W_θ, Spearman's rank correlation
with it, and the leave-one-out 5-NN accuracy of the samples' class under each (uniform vote).

Usage: /usr/bin/python3 bench/summary/gaussian_vs_centroids.py FILE.h5ad SAMPLE_KEY LABEL_KEY
           [--filter COLUMN=VALUE] [--model model.json] [--ks 5,10,20,50] [--cells N] [--samples N]
           [--seed 0]
"""
import argparse
import json

import anndata
import numpy as np
import ot
import scipy.linalg
import scipy.sparse
from scipy.stats import spearmanr
from sklearn.cluster import KMeans
from sklearn.neighbors import KNeighborsClassifier


def bures2(a, b):
    ra = scipy.linalg.sqrtm(a).real
    cross = scipy.linalg.sqrtm(ra @ b @ ra).real
    return max(0.0, np.trace(a) + np.trace(b) - 2 * np.trace(cross))


def summarise(x, k, seed):
    km = KMeans(n_clusters=k, n_init=1, random_state=seed).fit(x)
    labels = km.labels_
    means, variances, weights = [], [], []
    for c in range(k):
        cells = x[labels == c]
        means.append(cells.mean(axis=0))
        variances.append(cells.var(axis=0))
        weights.append(len(cells) / len(x))
    return np.array(means), np.array(variances), np.array(weights)


def loo_accuracy(d, y):
    hits = 0
    for i in range(len(y)):
        rest = [j for j in range(len(y)) if j != i]
        knn = KNeighborsClassifier(5, metric="precomputed").fit(d[np.ix_(rest, rest)], y[rest])
        hits += knn.predict(d[np.ix_([i], rest)])[0] == y[i]
    return hits / len(y)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("file"), p.add_argument("sample_key"), p.add_argument("label_key")
    p.add_argument("--filter"), p.add_argument("--model"), p.add_argument("--ks", default="5,10,20,50")
    p.add_argument("--cells", type=int), p.add_argument("--samples", type=int)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    data = anndata.read_h5ad(a.file)
    if a.filter:
        col, val = a.filter.split("=")
        data = data[data.obs[col] == val]
    x_all = data.X
    if a.model:
        m = json.load(open(a.model))
        w = np.array(m["weights"])
        assert m["featureNames"] == list(data.var_names), "the model's features must be the file's"
    else:
        w = np.eye(x_all.shape[1])
    ids = list(dict.fromkeys(data.obs[a.sample_key]))
    if a.samples:
        ids = ids[::max(1, len(ids) // a.samples)][:a.samples]
    rng = np.random.default_rng(a.seed)
    samples, labels = [], []
    for s in ids:
        rows = np.where(data.obs[a.sample_key].values == s)[0]
        if a.cells and len(rows) > a.cells:
            rows = np.sort(rng.choice(rows, a.cells, replace=False))
        x = x_all[rows]
        samples.append((x.toarray() if scipy.sparse.issparse(x) else np.asarray(x)).astype(np.float64))
        labels.append(data.obs[a.label_key].values[rows[0]])
    y = np.array(labels)
    n = len(samples)
    images = [x @ w.T for x in samples]
    full = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            full[i, j] = full[j, i] = ot.emd2(ot.unif(len(images[i])), ot.unif(len(images[j])),
                                              ot.dist(images[i], images[j], metric="euclidean"))
    iu = np.triu_indices(n, 1)
    print(f"{n} samples, W {w.shape[0]}x{w.shape[1]}; full samples: LOO 5-NN accuracy {loo_accuracy(full, y):.2f}")
    print("K\tsummary\tmedian_rel_error\tspearman\tloo_5nn")
    for k in [int(v) for v in a.ks.split(",")]:
        summ = [summarise(x, k, a.seed + i) for i, x in enumerate(samples)]
        proj_mean = [m @ w.T for m, _, _ in summ]
        proj_cov = [[w @ np.diag(v) @ w.T for v in var] for _, var, _ in summ]
        results = {name: np.zeros((n, n)) for name in ("centroids", "gaussian", "gauss-diag")}
        for i in range(n):
            for j in range(i + 1, n):
                mean2 = ot.dist(proj_mean[i], proj_mean[j], metric="sqeuclidean")
                b_full = np.array([[bures2(ci, cj) for cj in proj_cov[j]] for ci in proj_cov[i]])
                di = np.array([np.sqrt(np.diag(c)) for c in proj_cov[i]])
                dj = np.array([np.sqrt(np.diag(c)) for c in proj_cov[j]])
                b_diag = ot.dist(di, dj, metric="sqeuclidean")
                wi, wj = summ[i][2], summ[j][2]
                for name, cost in (("centroids", np.sqrt(mean2)), ("gaussian", np.sqrt(mean2 + b_full)),
                                   ("gauss-diag", np.sqrt(mean2 + b_diag))):
                    results[name][i, j] = results[name][j, i] = ot.emd2(wi, wj, cost)
        for name, d in results.items():
            rel = np.median(np.abs(d[iu] - full[iu]) / full[iu])
            rho = spearmanr(d[iu], full[iu]).correlation
            print(f"{k}\t{name}\t{rel:.4f}\t{rho:.4f}\t{loo_accuracy(d, y):.2f}")


if __name__ == "__main__":
    main()
