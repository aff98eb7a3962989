# Seeded uniform points in 5 dims, as in REFERENCE_RESULTS.md: a_N.csv, b_N.csv
import numpy as np
for n in (300, 1000, 2000):
    rng = np.random.default_rng(n)
    np.savetxt(f"a_{n}.csv", rng.random((n, 5)), delimiter=",", fmt="%.17g")
    np.savetxt(f"b_{n}.csv", rng.random((n, 5)), delimiter=",", fmt="%.17g")
