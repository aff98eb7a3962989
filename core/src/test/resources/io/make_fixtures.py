"""Writes the tiny .h5ad format fixtures of CellDataReaderTest from tiny.csv (30 cells x 12 genes).

Run with Debian's Python (python3-anndata 0.8.0, python3-h5py):
    /usr/bin/python3 make_fixtures.py
These are synthetic format fixtures (a few KB each), not copies of ../shared/data.
"""
import csv

import anndata
import h5py
import numpy as np
import pandas as pd
import scipy.sparse as sp

rows = list(csv.reader(open("tiny.csv")))
header, body = rows[0], rows[1:]
genes = header[3:]
X = np.array([[float(v) for v in r[3:]] for r in body], dtype=np.float32)
obs = pd.DataFrame({
    "donor": pd.Categorical(["d" + r[1] for r in body]),
    "disease": pd.Categorical([r[2] for r in body]),
    "n_counts": X.sum(axis=1),
}, index=[r[0] for r in body])
# gene symbols repeat after ten genes so --gene-names-from must make them unique
var = pd.DataFrame({"feature_name": ["G%d" % (i % 10) for i in range(len(genes))]}, index=genes)


def write(name, matrix, **kw):
    anndata.AnnData(X=matrix, obs=obs.copy(), var=var.copy(), dtype=matrix.dtype).write_h5ad(name, **kw)


write("tiny_csr.h5ad", sp.csr_matrix(X))
write("tiny_csc.h5ad", sp.csc_matrix(X), compression="gzip")
write("tiny_dense64.h5ad", X.astype(np.float64))
write("tiny_no_x.h5ad", sp.csr_matrix(X))
with h5py.File("tiny_no_x.h5ad", "a") as f:
    del f["X"]

# anndata 0.7's layout, written by hand: h5sparse X, categories under obs/__categories, no encoding-type
csr = sp.csr_matrix(X)
with h5py.File("tiny_legacy07.h5ad", "w") as f:
    x = f.create_group("X")
    x.attrs["h5sparse_format"] = "csr"
    x.attrs["h5sparse_shape"] = np.array(X.shape, dtype=np.int64)
    x["data"], x["indices"], x["indptr"] = csr.data, csr.indices, csr.indptr
    str_t = h5py.string_dtype()
    for frame, index, columns in (("obs", obs.index, obs), ("var", var.index, var)):
        g = f.create_group(frame)
        g.attrs["_index"] = "_index"
        g["_index"] = np.array(list(index), dtype=object).astype(str_t)
        cats = g.create_group("__categories")
        for col in columns.columns:
            values = columns[col]
            if isinstance(values.dtype, pd.CategoricalDtype):
                cats[col] = np.array(list(values.cat.categories), dtype=object).astype(str_t)
                g[col] = values.cat.codes.to_numpy().astype(np.int8)
            elif values.dtype.kind == "f":
                g[col] = values.to_numpy()
            else:
                g[col] = np.array(list(values), dtype=object).astype(str_t)
