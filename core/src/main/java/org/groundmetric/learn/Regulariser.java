package org.groundmetric.learn;

/** The penalty R(W) added to the batch loss as λ·R(W). */
public enum Regulariser {
    /** ‖W‖_F, the reference implementation's default (gradient W/‖W‖_F, 0 at W = 0). */
    FRO,
    /** Σ|W_rj| elementwise: drives whole entries to zero (the paper's choice on synthetic data). */
    L1,
    /** No penalty. */
    NONE;

    public double value(double[] w) {
        switch (this) {
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
    public void addGradient(double[] w, double lambda, double[] grad) {
        if (lambda == 0 || this == NONE) {
            return;
        }
        if (this == FRO) {
            double norm = value(w);
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

    /** The spelling of the command line and the model file. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
