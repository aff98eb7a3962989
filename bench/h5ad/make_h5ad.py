"""Writes an anndata .h5ad of N cells x G genes, 10% non-zero counts, gzip CSR, for the read benchmark.

Usage: /usr/bin/python3 make_h5ad.py N G OUT.h5ad   (Debian python3-anndata)
"""
import sys, numpy as np, scipy.sparse as sp, anndata as ad, pandas as pd
n, g = int(sys.argv[1]), int(sys.argv[2]); out = sys.argv[3]
rng = np.random.default_rng(0)
blocks = []
for start in range(0, n, 2000):
    m = min(2000, n - start)
    mask = rng.random((m, g), dtype=np.float32) < 0.1
    b = sp.csr_matrix(mask, dtype=np.float32)
    b.data = (rng.poisson(1.0, b.nnz) + 1).astype(np.float32)
    blocks.append(b)
X = sp.vstack(blocks, format="csr")
obs = pd.DataFrame({"donor_id": pd.Categorical([f"donor{i % 131:03d}" for i in range(n)]),
                    "disease": pd.Categorical(["normal" if (i % 131) % 2 else "disease" for i in range(n)])},
                   index=[f"cell{i}" for i in range(n)])
var = pd.DataFrame({"feature_name": [f"GENE{j}" for j in range(g)]}, index=[f"ENSG{j:011d}" for j in range(g)])
ad.AnnData(X, obs=obs, var=var).write_h5ad(out, compression="gzip")
print(X.shape, X.nnz)
