package org.groundmetric.learn;

import java.util.List;
import java.util.SplittableRandom;
import org.groundmetric.IllegalParameterException;
import org.groundmetric.linalg.CellMatrix;

/**
 * The top-k principal axes of the pooled training cells, by subspace iteration on the covariance
 * in the optimisation coordinates x⊙s. Uses only the sparse-aware projection and left-product
 * kernels, so it never forms the D×D covariance.
 */
final class PrincipalAxes {
    private static final int ITERATIONS = 60;

    private PrincipalAxes() {
    }

    /**
     * V₀ whose rows are the principal axes, scaled to the expected row norm √(D/3) of the uniform
     * initialisation so that the two start at the same overall size.
     */
    static double[] initialV(List<CellMatrix> cells, FeatureStatistics stats, double[] scale, int k, long seed) {
        int d = scale.length;
        if (k > d) {
            throw new IllegalParameterException("GgmlConfig.rank", "the principal-axes start (init pca) needs rank k = "
                    + k + " ≤ features D = " + d);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[k * d];
        for (int p = 0; p < b.length; p++) {
            b[p] = rng.nextDouble(-1, 1);
        }
        orthonormalizeRows(b, k, d);
        double[] scaledMean = new double[d];
        for (int j = 0; j < d; j++) {
            scaledMean[j] = stats.mean[j] * scale[j];
        }
        for (int it = 0; it < ITERATIONS; it++) {
            b = covarianceTimes(b, cells, scale, scaledMean, stats.cells, k, d);
            orthonormalizeRows(b, k, d);
        }
        double norm = Math.sqrt(d / 3.0);
        for (int p = 0; p < b.length; p++) {
            b[p] *= norm;
        }
        return b;
    }

    /** Rows of B·C where C is the covariance of x⊙s. */
    private static double[] covarianceTimes(double[] b, List<CellMatrix> cells, double[] scale, double[] mean, long n,
                                            int k, int d) {
        double[] bs = new double[k * d];
        for (int p = 0; p < bs.length; p++) {
            bs[p] = b[p] * scale[p % d];
        }
        double[] y = new double[k * d];
        for (CellMatrix x : cells) {
            int rows = x.rows();
            double[] proj = x.projectRows(bs, k);
            double[] g = new double[k * rows];
            for (int i = 0; i < rows; i++) {
                for (int r = 0; r < k; r++) {
                    g[r * rows + i] = proj[i * k + r];
                }
            }
            x.accumulateLeftProduct(g, k, y);
        }
        for (int r = 0; r < k; r++) {
            double bm = 0;
            for (int j = 0; j < d; j++) {
                bm += b[r * d + j] * mean[j];
            }
            for (int j = 0; j < d; j++) {
                int p = r * d + j;
                y[p] = (y[p] * scale[j] - n * bm * mean[j]) / n;
            }
        }
        return y;
    }

    private static void orthonormalizeRows(double[] b, int k, int d) {
        for (int r = 0; r < k; r++) {
            for (int q = 0; q < r; q++) {
                double dot = 0;
                for (int j = 0; j < d; j++) {
                    dot += b[r * d + j] * b[q * d + j];
                }
                for (int j = 0; j < d; j++) {
                    b[r * d + j] -= dot * b[q * d + j];
                }
            }
            double norm = 0;
            for (int j = 0; j < d; j++) {
                norm += b[r * d + j] * b[r * d + j];
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                throw new IllegalParameterException("GgmlConfig.init", "the training cells span fewer than k = " + k
                        + " directions, too few for the principal-axes start (init pca); lower the rank or start at"
                        + " random (init random)");
            }
            for (int j = 0; j < d; j++) {
                b[r * d + j] /= norm;
            }
        }
    }
}
