package org.groundmetric.baseline;

import java.util.Arrays;
import org.groundmetric.linalg.SymmetricEigen;

/**
 * Local Fisher Discriminant Analysis (Sugiyama 2007) with metric-learn's semantics: within each
 * class, affinities A_ij = exp(−‖x_i−x_j‖² / (σ_i σ_j)) with σ_i the distance to the k-th nearest
 * neighbour in the class (k = min(k, n_c − 1), default k = min(7, d − 1)); local between- and
 * within-class scatter matrices S_b, S_w; the generalised eigenvectors of S_b v = λ S_w v, sorted by
 * decreasing λ and weighted by √λ (metric-learn's default "weighted" embedding), are the rows of L,
 * and M = LᵀL. Full rank (all d components), as the paper before its pivoted-Cholesky reduction.
 *
 * <p>Memory: one n_c×n_c affinity matrix per class (checked against the budget); time: checked once
 * per class. A singular S_w (constant or collinear features) gets a small ridge, see
 * {@link #generalizedWithRidge}.
 */
public final class Lfda {
    private final Integer k;

    /** k = min(7, d − 1), metric-learn's default. */
    public Lfda() {
        this.k = null;
    }

    public Lfda(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("LFDA's k (neighbours for the local scale) must be at least 1, got " + k);
        }
        this.k = k;
    }

    public Mahalanobis fit(LabelledPoints p, Budget budget) {
        int n = p.n();
        int d = p.d();
        int kk = k != null ? k : Math.min(7, d - 1);
        int maxClass = Arrays.stream(p.classCounts()).max().orElse(0);
        budget.requireMemory(Budget.doubles(maxClass, maxClass) * 2 + Budget.doubles(maxClass, d), "LFDA's per-class affinity matrix");
        double[] sb = new double[d * d];
        double[] sw = new double[d * d];
        for (int c = 0; c < p.numClasses(); c++) {
            budget.checkTime();
            int[] idx = members(p, c);
            int nc = idx.length;
            if (nc == 0) {
                continue;
            }
            double[] xc = new double[nc * d];
            for (int i = 0; i < nc; i++) {
                System.arraycopy(p.x(), idx[i] * d, xc, i * d, d);
            }
            double[] dist = new double[nc * nc];
            for (int i = 0; i < nc; i++) {
                for (int j = i + 1; j < nc; j++) {
                    double s = 0;
                    for (int a = 0; a < d; a++) {
                        double t = xc[i * d + a] - xc[j * d + a];
                        s += t * t;
                    }
                    dist[i * nc + j] = s;
                    dist[j * nc + i] = s;
                }
            }
            int kc = Math.min(kk, nc - 1);
            double[] sigma = new double[nc];
            double[] col = new double[nc];
            for (int i = 0; i < nc; i++) {
                System.arraycopy(dist, i * nc, col, 0, nc);
                Arrays.sort(col);
                sigma[i] = Math.sqrt(col[kc]);
            }
            double[] a = new double[nc * nc];
            double[] rowSum = new double[nc];
            for (int i = 0; i < nc; i++) {
                for (int j = 0; j < nc; j++) {
                    double scale = sigma[i] * sigma[j];
                    double v = scale == 0 ? 0 : Math.exp(-dist[i * nc + j] / scale);
                    a[i * nc + j] = v;
                    rowSum[j] += v; // A.sum(axis=0)
                }
            }
            // G = Xcᵀ diag(colsum A) Xc − Xcᵀ A Xc
            double[] ax = new double[nc * d]; // A·Xc
            for (int i = 0; i < nc; i++) {
                for (int j = 0; j < nc; j++) {
                    double v = a[i * nc + j];
                    if (v != 0) {
                        for (int b = 0; b < d; b++) {
                            ax[i * d + b] += v * xc[j * d + b];
                        }
                    }
                }
            }
            double[] g = new double[d * d];
            double[] xtx = new double[d * d];
            double[] sum = new double[d];
            for (int i = 0; i < nc; i++) {
                for (int r = 0; r < d; r++) {
                    double xr = xc[i * d + r];
                    sum[r] += xr;
                    for (int s = 0; s < d; s++) {
                        g[r * d + s] += xr * (rowSum[i] * xc[i * d + s] - ax[i * d + s]);
                        xtx[r * d + s] += xr * xc[i * d + s];
                    }
                }
            }
            for (int r = 0; r < d; r++) {
                for (int s = 0; s < d; s++) {
                    int e = r * d + s;
                    sb[e] += g[e] / n + (1 - (double) nc / n) * xtx[e] + sum[r] * sum[s] / n;
                    sw[e] += g[e] / nc;
                }
            }
        }
        double[] total = new double[d];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                total[a] += p.get(i, a);
            }
        }
        for (int r = 0; r < d; r++) {
            for (int s = 0; s < d; s++) {
                sb[r * d + s] -= total[r] * total[s] / n - sw[r * d + s];
            }
        }
        symmetrise(sb, d);
        symmetrise(sw, d);
        SymmetricEigen e = generalizedWithRidge(sb, sw, d);
        double[] l = new double[d * d]; // rows = eigenvectors by decreasing eigenvalue, scaled by √λ
        for (int r = 0; r < d; r++) {
            int col = d - 1 - r;
            double w = Math.sqrt(Math.max(0, e.values()[col]));
            for (int a = 0; a < d; a++) {
                l[r * d + a] = w * e.vectors()[a * d + col];
            }
        }
        return Mahalanobis.fromComponents(l, d, d);
    }

    /**
     * S_b v = λ S_w v. When S_w is singular (a feature constant within every class, e.g. a gene
     * with no counts in the subsampled cells) metric-learn falls back to scipy.linalg.eig, whose
     * infinite eigenvalues then make M infinite; we instead add a ridge of 10⁻⁶·tr(S_w)/d, so such
     * directions get a large but finite weight.
     */
    private static SymmetricEigen generalizedWithRidge(double[] sb, double[] sw, int d) {
        try {
            return SymmetricEigen.generalized(sb, sw, d);
        } catch (IllegalArgumentException notPositiveDefinite) {
            double trace = 0;
            for (int i = 0; i < d; i++) {
                trace += sw[i * d + i];
            }
            double ridge = 1e-6 * (trace > 0 ? trace / d : 1);
            double[] regularised = sw.clone();
            for (int i = 0; i < d; i++) {
                regularised[i * d + i] += ridge;
            }
            return SymmetricEigen.generalized(sb, regularised, d);
        }
    }

    private static void symmetrise(double[] m, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double s = (m[i * d + j] + m[j * d + i]) / 2;
                m[i * d + j] = s;
                m[j * d + i] = s;
            }
        }
    }

    static int[] members(LabelledPoints p, int c) {
        int count = 0;
        for (int v : p.y()) {
            if (v == c) {
                count++;
            }
        }
        int[] idx = new int[count];
        int o = 0;
        for (int i = 0; i < p.n(); i++) {
            if (p.y()[i] == c) {
                idx[o++] = i;
            }
        }
        return idx;
    }
}
