package org.groundmetric.metric;

import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.ot.CostMatrix;

/**
 * A per-feature weighting: d(x, y) = ‖w ⊙ (x − y)‖, i.e. W = diag(w) with rank k = D. Projection
 * scales each column, which keeps sparse cells sparse-cheap (no D×D product).
 */
public final class DiagonalMetric implements ProjectedMetric {
    private final double[] w;

    /** @param w one weight per feature (copied) */
    public DiagonalMetric(double[] w) {
        if (w.length == 0) {
            throw new IllegalArgumentException("a diagonal metric needs at least one feature weight");
        }
        for (int j = 0; j < w.length; j++) {
            if (!Double.isFinite(w[j])) {
                throw new IllegalArgumentException("weight " + j + " is " + w[j] + "; weights must be finite");
            }
        }
        this.w = w.clone();
    }

    @Override public String name() { return "diagonal(D=" + w.length + ")"; }
    @Override public int rank() { return w.length; }

    /** The feature weights (a copy). */
    public double[] weights() { return w.clone(); }

    @Override
    public double distance(float[] x, float[] y) {
        check(x.length);
        check(y.length);
        double s = 0;
        for (int j = 0; j < w.length; j++) {
            double d = w[j] * ((double) x[j] - y[j]);
            s += d * d;
        }
        return Math.sqrt(s);
    }

    @Override
    public double[] project(CellMatrix cells) {
        check(cells.cols());
        int n = cells.rows();
        int d = w.length;
        double[] out = new double[n * d];
        if (cells instanceof DenseMatrix dense) {
            float[] data = dense.data();
            for (int p = 0; p < out.length; p++) {
                out[p] = data[p] * w[p % d];
            }
        } else {
            CsrMatrix csr = (CsrMatrix) cells;
            int[] idx = csr.columnIndices();
            float[] val = csr.values();
            for (int i = 0; i < n; i++) {
                for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                    out[i * d + idx[p]] = val[p] * w[idx[p]];
                }
            }
        }
        return out;
    }

    @Override
    public CostMatrix cost(CellMatrix x, CellMatrix y) {
        return ProjectedCosts.euclidean(project(x), x.rows(), project(y), y.rows(), w.length);
    }

    private void check(int d) {
        if (d != w.length) {
            throw new IllegalArgumentException("cells have " + d + " features but the diagonal metric has "
                    + w.length + " weights");
        }
    }
}
