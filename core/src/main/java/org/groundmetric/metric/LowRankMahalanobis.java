package org.groundmetric.metric;

import java.util.Arrays;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.Gram;
import org.groundmetric.ot.CostMatrix;

/**
 * The paper's learned ground metric: d_W(x, y) = ‖Wx − Wy‖ with W of shape k×D (rank k, D
 * features). Costs between two samples are Euclidean distances between their k-dimensional images.
 */
public final class LowRankMahalanobis implements ProjectedMetric {
    private final double[] w;
    private final int rank;
    private final int features;
    private final String name;

    /** @param w k×D row-major (copied); named "ggml(k=…)", the learned metric */
    public LowRankMahalanobis(double[] w, int rank) {
        this(w, rank, "ggml(k=" + rank + ")");
    }

    /**
     * @param w    k×D row-major (copied)
     * @param name what the metric is, for output lines and reports, e.g. "mahalanobis(k=5)" for a map
     *             another method learned, "euclidean" for W = I
     */
    public LowRankMahalanobis(double[] w, int rank, String name) {
        if (rank <= 0 || w.length == 0 || w.length % rank != 0) {
            throw new IllegalArgumentException("W must hold rank·D values for rank k = " + rank + ", got "
                    + w.length + " values");
        }
        for (int p = 0; p < w.length; p++) {
            if (!Double.isFinite(w[p])) {
                throw new IllegalArgumentException("W[" + (p / (w.length / rank)) + "][" + (p % (w.length / rank))
                        + "] is " + w[p] + "; W must be finite");
            }
        }
        this.w = w.clone();
        this.rank = rank;
        this.features = w.length / rank;
        this.name = name;
    }

    @Override public String name() { return name; }
    @Override public int rank() { return rank; }

    /** D, the number of features W acts on. */
    public int features() { return features; }

    /** W as a k×D row-major copy. */
    public double[] weights() { return w.clone(); }

    /** The Mahalanobis matrix M = WᵀW (D×D row-major), as metric-learn's get_mahalanobis_matrix. */
    public double[] mahalanobisMatrix() {
        return Gram.of(w, rank, features);
    }

    @Override
    public double distance(float[] x, float[] y) {
        checkLength(x.length);
        checkLength(y.length);
        double s = 0;
        for (int r = 0; r < rank; r++) {
            int rb = r * features;
            double acc = 0;
            for (int j = 0; j < features; j++) {
                acc += w[rb + j] * ((double) x[j] - y[j]);
            }
            s += acc * acc;
        }
        return Math.sqrt(s);
    }

    @Override
    public double[] project(CellMatrix cells) {
        checkLength(cells.cols());
        return cells.projectRows(w, rank);
    }

    @Override
    public CostMatrix cost(CellMatrix x, CellMatrix y) {
        return ProjectedCosts.euclidean(project(x), x.rows(), project(y), y.rows(), rank);
    }

    private void checkLength(int d) {
        if (d != features) {
            throw new IllegalArgumentException("cells have " + d + " features but W was learned on " + features);
        }
    }

    @Override
    public String toString() {
        return name() + " on " + features + " features, W[0] starts " + Arrays.toString(Arrays.copyOf(w, Math.min(3, w.length)));
    }
}
