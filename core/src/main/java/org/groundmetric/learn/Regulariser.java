package org.groundmetric.learn;

/** The penalty R(W) added to the batch loss as λ·R(W). */
public enum Regulariser {
    /** ‖W‖_F, the reference implementation's default (gradient W/‖W‖_F, 0 at W = 0). */
    FRO,
    /** Σ|W_rj| elementwise: drives whole entries to zero.
     * Not the reference code's "L1", which is {@link #MATRIX_L1}. */
    L1,
    /**
     * The matrix 1-norm max_j Σ_r |W_rj| (largest column sum): the reference code's
     * {@code torch.linalg.norm(W, ord=1)}, which its notebooks call "L1" ({@link MatrixOneNorm}).
     */
    @com.fasterxml.jackson.annotation.JsonProperty("matrix-l1")
    MATRIX_L1,
    /** No penalty. */
    NONE;

    /** R(W) for a W of {@code rank} rows stored row-major. */
    public double value(double[] w, int rank) {
        switch (this) {
            case MATRIX_L1:
                return MatrixOneNorm.value(w, rank);
            case FRO: {
                double s = 0;
                for (double x : w) {
                    s += x * x;
                }
                return Math.sqrt(s);
            }
            case L1: {
                double s = 0;
                for (double x : w) {
                    s += Math.abs(x);
                }
                return s;
            }
            default:
                return 0;
        }
    }

    /** grad += λ·∂R/∂W (subgradient 0 where R is not differentiable, as PyTorch does). */
    public void addGradient(double[] w, int rank, double lambda, double[] grad) {
        if (lambda == 0 || this == NONE) {
            return;
        }
        if (this == MATRIX_L1) {
            MatrixOneNorm.addGradient(w, rank, lambda, grad);
        } else if (this == FRO) {
            double norm = value(w, rank);
            if (norm == 0) {
                return;
            }
            for (int p = 0; p < w.length; p++) {
                grad[p] += lambda * w[p] / norm;
            }
        } else {
            for (int p = 0; p < w.length; p++) {
                grad[p] += lambda * Math.signum(w[p]);
            }
        }
    }

    /** The spelling of the command line and the model file: fro, l1, matrix-l1, none. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
