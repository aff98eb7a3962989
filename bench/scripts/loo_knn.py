"""Leave-one-out k-NN accuracy of samples under a distance matrix written by 'groundmetric distances'.

Usage: /usr/bin/python3 bench/scripts/loo_knn.py D.tsv DATA.h5ad SAMPLE_KEY LABEL_KEY [K]
Each sample's class is read from the .h5ad's obs (LABEL_KEY of its cells); each sample is classified
by a uniform vote of its K (default 5) nearest other samples in D, as scikit-learn's
KNeighborsClassifier(metric="precomputed") on the other samples. Prints the accuracy.
"""
import sys

import anndata
import numpy as np
import pandas as pd
from sklearn.neighbors import KNeighborsClassifier

d_file, data_file, sample_key, label_key = sys.argv[1:5]
k = int(sys.argv[5]) if len(sys.argv) > 5 else 5
d = pd.read_csv(d_file, sep="\t", index_col=0)
obs = anndata.read_h5ad(data_file, backed="r").obs
label = obs.groupby(sample_key, observed=True)[label_key].first().astype(str)
ids = [str(i) for i in d.index]
y = label.loc[ids].to_numpy()
D = d.to_numpy()
right = 0
for i in range(len(ids)):
    rest = [j for j in range(len(ids)) if j != i]
    knn = KNeighborsClassifier(n_neighbors=k, metric="precomputed").fit(D[np.ix_(rest, rest)], y[rest])
    right += knn.predict(D[i, rest].reshape(1, -1))[0] == y[i]
print("%.2f" % (right / len(ids)))
