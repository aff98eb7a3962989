package org.groundmetric.learn;

/**
 * Adam (Kingma & Ba) as PyTorch implements it: bias-corrected moments, p −= lr·m̂/(√v̂ + ε).
 * The moments persist across epochs (the reference code re-creates its optimiser every epoch,
 * which resets them; we do not).
 */
final class Adam {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double[] m;
    private final double[] v;
    private int steps;

    Adam(int size, double lr, double beta1, double beta2, double eps) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One step on {@code params} (in place) along {@code grad}. */
    void step(double[] params, double[] grad) {
        steps++;
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        for (int p = 0; p < params.length; p++) {
            double g = grad[p];
            m[p] = beta1 * m[p] + (1 - beta1) * g;
            v[p] = beta2 * v[p] + (1 - beta2) * g * g;
            params[p] -= lr * (m[p] / c1) / (Math.sqrt(v[p] / c2) + eps);
        }
    }
}
