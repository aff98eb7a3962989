#!/usr/bin/python3
"""Writes two small AnnData files in the layout ggml-ot (PyPI ggml-ot, github DaminK/ggml-ot) leaves
after training, for the tests of `--model FILE.h5ad`. Run with Debian's python3 (anndata 0.8, POT):

    /usr/bin/python3 make_ggml_ot_files.py

The layout, as ggml-ot's AnnData_TripletDataset writes it (read from its source, not its code):
  uns["ggml_params"]  the dataset's settings: patient_col, label_col, n_cells, n_triplets, use_rep,
                      group_by, gmm_key, sample_gmm, gmm_weights_source (anndata drops the None ones)
  uns["W_ggml"]       the learned map A, k x D, float32 (a torch parameter turned to numpy)
  obsm["X_ggml"]      X @ A.T (or obsm[use_rep] @ A.T)
  varm["W_ggml"]      A.T (genes x k); with use_rep, varm[use_rep] @ A.T or, for a PCA embedding,
                      varm["PCs"] @ A.T, i.e. the map back-projected into genes

Files (4 patients x 6 cells x 5 genes, 2 classes, seeded):
  ggml_ot_genes.h5ad  A acts on the genes (use_rep None)
  ggml_ot_pca.h5ad    A acts on obsm["X_pca"] (3 components of a PCA on genes g0..g3; g4 is not a
                      highly variable gene, so its row of varm["PCs"] is zero, as scanpy writes it)
Each file also holds uns["reference_distances"]: POT's exact W_theta between the patients under
the map (ot.emd2 on the projected cells, Euclidean cost, uniform weights), computed here in float64.
"""
import anndata
import numpy as np
import ot
import pandas as pd

rng = np.random.default_rng(17)
patients = ["p1", "p2", "p3", "p4"]
groups = {"p1": "healthy", "p2": "healthy", "p3": "sick", "p4": "sick"}
cells_per_patient = 6
genes = ["g0", "g1", "g2", "g3", "g4"]

rows = []
for i, p in enumerate(patients):
    shift = 2.0 if groups[p] == "sick" else 0.0
    block = rng.normal(size=(cells_per_patient, len(genes))) + shift * np.array([1, 0, 0.5, 0, 0])
    rows.append(np.abs(block) * 3)
X = np.round(np.vstack(rows), 2).astype(np.float32)
obs = pd.DataFrame({
    "sample": pd.Categorical([p for p in patients for _ in range(cells_per_patient)]),
    "patient_group": pd.Categorical([groups[p] for p in patients for _ in range(cells_per_patient)]),
    "donor_age": [40 + 10 * i for i in range(len(patients)) for _ in range(cells_per_patient)],
}, index=[f"cell{i}" for i in range(X.shape[0])])
var = pd.DataFrame(index=genes)


def reference_distances(points):
    """POT's exact W_theta between the patients' projected cells, float64."""
    n = len(patients)
    d = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            a = points[i * cells_per_patient:(i + 1) * cells_per_patient]
            b = points[j * cells_per_patient:(j + 1) * cells_per_patient]
            m = ot.dist(a, b, metric="euclidean")
            d[i, j] = ot.emd2(ot.unif(len(a)), ot.unif(len(b)), m)
    return d


def params(use_rep=None):
    p = dict(patient_col="sample", label_col="patient_group", n_cells=cells_per_patient, n_triplets=1,
             use_rep=use_rep, group_by=None, gmm_key=None, sample_gmm=False, gmm_weights_source="auto")
    return {k: v for k, v in p.items() if v is not None}  # anndata 0.8 leaves None out of uns


# 1. the map acts on the genes
A = rng.normal(size=(2, len(genes))).astype(np.float32)
a = anndata.AnnData(X=X, obs=obs.copy(), var=var.copy())
a.uns["ggml_params"] = params()
a.uns["W_ggml"] = A
a.obsm["X_ggml"] = a.X @ A.T
a.varm["W_ggml"] = A.T
a.uns["reference_distances"] = reference_distances(X.astype(np.float64) @ A.astype(np.float64).T)
a.write_h5ad("ggml_ot_genes.h5ad")

# 2. the map acts on a PCA embedding (scanpy's layout: X_pca = (X - mean) @ PCs, PCs zero outside the HVGs)
hvg = X[:, :4].astype(np.float64)
mean = hvg.mean(axis=0)
_, _, vt = np.linalg.svd(hvg - mean, full_matrices=False)
pcs = np.zeros((len(genes), 3))
pcs[:4, :] = vt[:3].T
x_pca = ((hvg - mean) @ vt[:3].T).astype(np.float32)
B = rng.normal(size=(2, 3)).astype(np.float32)
b = anndata.AnnData(X=X, obs=obs.copy(), var=var.copy())
b.obsm["X_pca"] = x_pca
b.varm["PCs"] = pcs.astype(np.float32)
b.uns["ggml_params"] = params("X_pca")
b.uns["W_ggml"] = B
b.obsm["X_ggml"] = b.obsm["X_pca"] @ B.T
b.varm["W_ggml"] = b.varm["PCs"] @ B.T
b.uns["reference_distances"] = reference_distances(x_pca.astype(np.float64) @ B.astype(np.float64).T)
b.write_h5ad("ggml_ot_pca.h5ad")
print("wrote ggml_ot_genes.h5ad and ggml_ot_pca.h5ad")
