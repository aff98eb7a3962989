"""Writes the crafted inputs of the fuzz suite (FuzzInputsTest in core, FuzzCommandsTest in cli).

Run with Debian's Python (python3-anndata 0.8.0, python3-h5py) from this directory:
    /usr/bin/python3 make_fuzz_inputs.py
Every file is small (a few KB) and synthetic. good.h5ad is a valid cohort (6 samples x 10 cells x
4 genes, 2 classes); every other file breaks one thing at the boundary where data enters, and the
suite checks that each is refused with one line (or, for the valid oddities, handled correctly).
"""
import os

import anndata
import h5py
import numpy as np
import pandas as pd

rng = np.random.default_rng(16)
N, D = 60, 4
X = rng.normal(size=(N, D)).astype(np.float32) + np.repeat([[0, 0, 0, 0], [3, 0, 0, 0]] * 3, 10, axis=0).astype(np.float32)
SAMPLES = ["s%d" % (i // 10) for i in range(N)]
CLASSES = ["c%d" % ((i // 10) % 2) for i in range(N)]
OBS = pd.DataFrame({"sample": pd.Categorical(SAMPLES), "class": pd.Categorical(CLASSES)},
                   index=["cell%d" % i for i in range(N)])
GENES = ["g%d" % j for j in range(D)]


def adata(x, obs=None, genes=None):
    obs = OBS.copy() if obs is None else obs
    var = pd.DataFrame(index=list(GENES if genes is None else genes))
    return anndata.AnnData(X=x, obs=obs, var=var, dtype=x.dtype)


def x_last(name, x, chunks=None):
    """An .h5ad whose X is written after obs and var, so that cutting the file cuts X's data."""
    adata(x).write_h5ad("_tmp.h5ad")
    with h5py.File("_tmp.h5ad") as src, h5py.File(name, "w") as f:
        for k, v in src.attrs.items():
            f.attrs[k] = v
        for g in ("obs", "var", "obsm", "varm", "layers", "obsp", "varp", "uns"):
            if g in src:
                src.copy(g, f)
        ds = f.create_dataset("X", data=src["X"][()], chunks=chunks)
        for k, v in src["X"].attrs.items():
            ds.attrs[k] = v
    os.remove("_tmp.h5ad")


def cut(src, name, drop):
    data = open(src, "rb").read()
    open(name, "wb").write(data[: len(data) - drop])


# the valid cohort, and counts for --normalize log1p
adata(X).write_h5ad("good.h5ad")
COUNTS = rng.poisson(3, size=(N, D)).astype(np.float32)
adata(COUNTS).write_h5ad("counts.h5ad")

# truncated files: dense X cut after its last chunk, chunked X with the last chunk cut, a bare signature
x_last("_dense_last.h5ad", X)
cut("_dense_last.h5ad", "x_cut_dense.h5ad", 100)
x_last("_chunked_last.h5ad", X, chunks=(20, D))
cut("_chunked_last.h5ad", "x_cut_chunked.h5ad", 100)
os.remove("_dense_last.h5ad")
os.remove("_chunked_last.h5ad")
open("signature_only.h5ad", "wb").write(b"\x89HDF\r\n\x1a\n")
cut("good.h5ad", "header_cut.h5ad", os.path.getsize("good.h5ad") - 1500)

# empty shapes
adata(np.zeros((0, D), dtype=np.float32), obs=OBS.iloc[:0].copy()).write_h5ad("zero_cells.h5ad")
adata(np.zeros((N, 0), dtype=np.float32), genes=[]).write_h5ad("zero_genes.h5ad")

# damaged sparse X and tables
import scipy.sparse as sp
adata(sp.csr_matrix(X)).write_h5ad("csr_column_out_of_range.h5ad")
with h5py.File("csr_column_out_of_range.h5ad", "a") as f:
    idx = f["X/indices"][()]
    idx[7] = D + 3
    f["X/indices"][...] = idx
adata(sp.csr_matrix(X)).write_h5ad("csr_indptr_decreasing.h5ad")
with h5py.File("csr_indptr_decreasing.h5ad", "a") as f:
    p = f["X/indptr"][()]
    p[5], p[6] = p[6], p[5]
    f["X/indptr"][...] = p
adata(X).write_h5ad("categorical_code_out_of_range.h5ad")
with h5py.File("categorical_code_out_of_range.h5ad", "a") as f:
    codes = f["obs/sample/codes"][()]
    codes[13] = 9
    f["obs/sample/codes"][...] = codes
adata(X).write_h5ad("x_var_mismatch.h5ad")
with h5py.File("x_var_mismatch.h5ad", "a") as f:
    idx = f["var/_index"][()]
    del f["var/_index"]
    f["var"].create_dataset("_index", data=idx[:-1])

# values that are not finite numbers, or not counts
for name, value in (("nan_in_x", np.nan), ("inf_in_x", np.inf)):
    bad = X.copy()
    bad[17, 2] = value
    adata(bad).write_h5ad(name + ".h5ad")
huge = X.astype(np.float64)
huge[17, 2] = 1e308
adata(huge).write_h5ad("huge_in_x.h5ad")
neg = COUNTS.copy()
neg[23, 1] = -2
adata(neg).write_h5ad("negative_count.h5ad")

# valid oddities: ids with a tab, a newline and a quote; duplicate gene names in another order
odd = OBS.copy()
odd["sample"] = pd.Categorical(["s\t%d" % (i // 10) if i < 20 else ("s\n%d" % (i // 10) if i < 40 else 's"%d' % (i // 10))
                                for i in range(N)])
adata(X, obs=odd).write_h5ad("odd_sample_ids.h5ad")
order = [2, 0, 3, 1]
adata(X[:, order], genes=[GENES[j] for j in order]).write_h5ad("reordered_genes.h5ad")
# every gene of the model is there, but g2 twice (its second column holds other values): ambiguous
dup = np.concatenate([X[:, order], X[:, [0]] * 5], axis=1)
adata(dup, genes=["g2", "g0", "g3", "g1", "g2"]).write_h5ad("duplicate_genes.h5ad")


# text tables
def table(name, rows, bom=False, sep=","):
    text = "\n".join(sep.join(str(v) for v in r) for r in rows) + "\n"
    open(name, "w", encoding="utf-8").write(("\ufeff" if bom else "") + text)


header = ["cell", "sample", "class"] + GENES
body = [["cell%d" % i, SAMPLES[i], CLASSES[i]] + ["%.5f" % v for v in X[i]] for i in range(N)]
table("good.csv", [header] + body)
table("bom.csv", [header] + body, bom=True)
bad = [list(r) for r in body]
bad[16][4] = "abc"
table("non_numeric_cell.csv", [header] + bad)
nan = [list(r) for r in body]
nan[16][5] = "NaN"
table("nan_cell.csv", [header] + nan)
# points for emd: a BOM and no header (the BOM must not turn the first point into a header)
table("points_bom_a.csv", [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]], bom=True)
table("points_b.csv", [[5.0, 5.0], [1.0, 1.0], [2.0, 0.0]])
