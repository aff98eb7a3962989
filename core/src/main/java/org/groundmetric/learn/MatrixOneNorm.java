package org.groundmetric.learn;

/**
 * The matrix 1-norm ‖W‖₁ = max over columns j of Σ_r |W_rj| (the largest column sum of absolute
 * values), which is what the reference code's {@code torch.linalg.norm(W, ord=1)} computes for a
 * k × D matrix. It penalises only the feature column with the largest total weight, so it is not the
 * elementwise L1 (Σ|W_rj|, {@link Regulariser#L1}).
 *
 * <p>W is stored row-major: entry (r, j) at {@code w[r·D + j]}.
 */
final class MatrixOneNorm {
    private MatrixOneNorm() {
    }

    /** Σ_r |W_rj| for every column j. */
    static double[] columnSums(double[] w, int rows) {
        if (rows <= 0 || w.length % rows != 0) {
            throw new IllegalArgumentException("a " + w.length + "-entry W does not have " + rows + " rows");
        }
        int cols = w.length / rows;
        double[] sums = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                sums[j] += Math.abs(w[r * cols + j]);
            }
        }
        return sums;
    }

    /** max_j Σ_r |W_rj| (0 for an empty W). */
    static double value(double[] w, int rows) {
        double max = 0;
        for (double s : columnSums(w, rows)) {
            max = Math.max(max, s);
        }
        return max;
    }

    /**
     * grad += λ·∂‖W‖₁/∂W: sign(W_rj) in the column of the largest sum, 0 elsewhere. Columns tied
     * for the largest share the gradient equally (as PyTorch's amax does); sign(0) = 0.
     */
    static void addGradient(double[] w, int rows, double lambda, double[] grad) {
        double[] sums = columnSums(w, rows);
        int cols = sums.length;
        double max = 0;
        for (double s : sums) {
            max = Math.max(max, s);
        }
        if (max == 0) {
            return;
        }
        int tied = 0;
        for (double s : sums) {
            tied += s == max ? 1 : 0;
        }
        double share = lambda / tied;
        for (int j = 0; j < cols; j++) {
            if (sums[j] == max) {
                for (int r = 0; r < rows; r++) {
                    grad[r * cols + j] += share * Math.signum(w[r * cols + j]);
                }
            }
        }
    }
}
