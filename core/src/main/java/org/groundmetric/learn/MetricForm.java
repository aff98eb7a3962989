package org.groundmetric.learn;

import com.fasterxml.jackson.annotation.JsonValue;
import org.groundmetric.linalg.CellMatrix;
import org.groundmetric.linalg.CsrMatrix;
import org.groundmetric.linalg.DenseMatrix;
import org.groundmetric.metric.DiagonalMetric;

/**
 * The shape of the ground metric GGML learns, and what training needs to know about it: how many
 * parameters it has, how a sample's cells are mapped to their image (where the transport costs are
 * Euclidean), how the gradient with respect to W is gathered from per-cell coefficients, and which
 * {@link ModelKind} the trained model is saved as. The triplets, the loss, the regularisers, the
 * solvers and Adam are the same for every form.
 *
 * <p>Both forms are W = V·diag(s) with V the optimised parameters and s the feature scaling.
 */
public enum MetricForm {
    /** d(x, y) = ‖W(x − y)‖ with W of rank k (k×D), the paper's main form; images have k coordinates. */
    LOW_RANK("low-rank", ModelKind.LOW_RANK_MAHALANOBIS) {
        @Override
        int imageDimension(int rank, int features) {
            return rank;
        }

        @Override
        double[] project(CellMatrix cells, double[] w, int imageDimension) {
            return cells.projectRows(w, imageDimension);
        }

        @Override
        void accumulateGradient(CellMatrix cells, double[] g, int imageDimension, double[] acc) {
            cells.accumulateLeftProduct(g, imageDimension, acc);
        }

        @Override
        double[][] weights(double[] w, int imageDimension) {
            return TrainedMetric.rows(w, imageDimension);
        }
    },

    /**
     * d(x, y) = ‖diag(w)(x − y)‖, one weight per feature, the paper's diagonal variant; images have D
     * coordinates (x ⊙ w), so transport costs grow with the features (select genes or use a PCA first).
     * The distance depends on |w| only, so training moves w freely and the model keeps |w| ≥ 0.
     */
    DIAGONAL("diagonal", ModelKind.DIAGONAL) {
        @Override
        int imageDimension(int rank, int features) {
            return features;
        }

        @Override
        double[] project(CellMatrix cells, double[] w, int imageDimension) {
            return new DiagonalMetric(w).project(cells);
        }

        /** ∂d/∂w_f is the diagonal entry (f, f) of the full gradient G·X: Σᵢ G[f][i]·X[i][f], one pass over X. */
        @Override
        void accumulateGradient(CellMatrix cells, double[] g, int imageDimension, double[] acc) {
            int n = cells.rows();
            int d = cells.cols();
            if (cells instanceof CsrMatrix csr) {
                int[] idx = csr.columnIndices();
                float[] val = csr.values();
                for (int i = 0; i < n; i++) { // row by row: the cells may be a view of X's rows
                    for (int p = csr.rowStart(i); p < csr.rowEnd(i); p++) {
                        acc[idx[p]] += g[idx[p] * n + i] * val[p];
                    }
                }
            } else {
                float[] data = ((DenseMatrix) cells).data();
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < d; f++) {
                        acc[f] += g[f * n + i] * data[i * d + f];
                    }
                }
            }
        }

        @Override
        double[][] weights(double[] w, int imageDimension) {
            double[] abs = new double[w.length];
            for (int f = 0; f < w.length; f++) {
                abs[f] = Math.abs(w[f]);
            }
            return new double[][] {abs};
        }

        @Override
        int parameters(int rank, int features) {
            return features;
        }
    };

    private final String spelling;
    private final ModelKind kind;

    MetricForm(String spelling, ModelKind kind) {
        this.spelling = spelling;
        this.kind = kind;
    }

    /** The kind of model file this form is saved as. */
    public ModelKind kind() {
        return kind;
    }

    /** Coordinates of a cell's image: k for the low-rank form, D for the diagonal one. */
    abstract int imageDimension(int rank, int features);

    /** The optimised parameters: k·D for the low-rank form, D for the diagonal one. */
    int parameters(int rank, int features) {
        return imageDimension(rank, features) * features;
    }

    /** The n × imageDimension row-major image of the cells under W (parameters {@code w}, already scaled). */
    abstract double[] project(CellMatrix cells, double[] w, int imageDimension);

    /**
     * acc += ∂/∂w of Σ over cells i and image axes q of G[q][i]·(image of cell i)_q, i.e. the
     * gradient with respect to the parameters from the k×n coefficient matrix G of one sample.
     */
    abstract void accumulateGradient(CellMatrix cells, double[] g, int imageDimension, double[] acc);

    /** The parameters as the model file's {@code weights} rows ({@link ModelKind}). */
    abstract double[][] weights(double[] w, int imageDimension);

    /** The spelling of the command line and the model file. */
    @JsonValue
    @Override
    public String toString() {
        return spelling;
    }
}
